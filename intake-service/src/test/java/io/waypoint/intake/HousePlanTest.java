package io.waypoint.intake;

import io.waypoint.platform.test.architecture.HousePlan;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Intake follows the one house plan of every Waypoint service ({@code docs/adr/0007}). */
class HousePlanTest {

    @TestFactory
    Stream<DynamicTest> followsTheHousePlan() {
        return HousePlan.tests("io.waypoint.intake");
    }
}

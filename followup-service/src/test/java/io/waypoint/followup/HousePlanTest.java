package io.waypoint.followup;

import io.waypoint.platform.test.architecture.HousePlan;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class HousePlanTest {

    @TestFactory
    Stream<DynamicTest> followsTheHousePlan() {
        return HousePlan.tests("io.waypoint.followup");
    }
}

package io.waypoint.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.waypoint.platform.test.architecture.HousePlan;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The house plan's rules report a wrong dependency, pass a right layout, and hold for the platform itself. */
class HousePlanTest {

    private static final String WRONG = "io.waypoint.platform.architecture.fixture.wrong";
    private static final String RIGHT = "io.waypoint.platform.architecture.fixture.right";

    @Test
    void aDomainClassThatDependsOnSpringIsReported() {
        EvaluationResult result = HousePlan.evaluate("domain packages are plain Java", WRONG, fixture(WRONG));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("wrong.dosing.DoseRules")
                        .contains("org.springframework.stereotype.Component"));
    }

    @Test
    void aControllerThatReadsAStoreIsReported() {
        EvaluationResult result = HousePlan.evaluate("api reaches neither store, events, messaging nor Kafka", WRONG,
                fixture(WRONG));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("wrong.api.DoseController")
                        .contains("wrong.store.DoseRow"));
    }

    @Test
    void aPublicControllerIsReported() {
        EvaluationResult result = HousePlan.evaluate("api types are package-private", WRONG, fixture(WRONG));

        assertThat(result.hasViolation()).isTrue();
    }

    @Test
    void aLayoutThatFollowsThePlanPassesEveryRule() {
        JavaClasses classes = fixture(RIGHT);
        HousePlan.rules(RIGHT).forEach((name, rule) ->
                assertThat(rule.evaluate(classes).hasViolation()).as(name).isFalse());
    }

    /** The platform itself: its rule type is framework-free and its packages form no cycle. */
    @TestFactory
    Stream<DynamicTest> thePlatformKeepsItsOwnRules() {
        JavaClasses platform = HousePlan.mainClasses("io.waypoint.platform");
        return Stream.of(
                DynamicTest.dynamicTest("io.waypoint.platform.rules is plain Java", () ->
                        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                                .that().resideInAPackage("io.waypoint.platform.rules..")
                                .should().onlyDependOnClassesThat().resideInAnyPackage("java..",
                                        "io.waypoint.platform.rules..")
                                .check(platform)),
                DynamicTest.dynamicTest("no package cycle in the platform", () ->
                        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                                .matching("io.waypoint.platform.(*)..").should().beFreeOfCycles()
                                .check(platform)));
    }

    private static JavaClasses fixture(String base) {
        return new ClassFileImporter().importPackages(base);
    }
}

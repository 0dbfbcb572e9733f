package io.waypoint.platform.test.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.DynamicTest;

/**
 * The one plan of every Waypoint service, as rules over its compiled main classes ({@code docs/adr/0007}):
 * <pre>
 * api/        controllers and their request/response records (package-private)
 * messaging/  bindings: Avro record -> plain command; a refusal -> a dead letter
 * app/        application services: transactions, orchestration
 * events/     the only code that builds Avro records and writes the outbox
 * store/      repositories and rows
 * config/     Spring configuration and protocol-profile binding (optional)
 * anything else: a domain package, plain Java
 * </pre>
 * Data flows one way: {@code api}/{@code messaging} -> {@code app} -> domain + {@code store} + {@code events}.
 */
public final class HousePlan {

    /** The packages of the plan that are not domain packages. */
    public static final Set<String> LAYERS = Set.of("api", "messaging", "app", "events", "store", "config");

    private static final String[] FRAMEWORKS = {"org.springframework..", "org.apache.kafka..", "org.apache.avro..",
            "jakarta..", "javax..", "tools.jackson..", "com.fasterxml..", "io.micrometer..", "org.slf4j..",
            "io.waypoint.events..", "io.waypoint.schemas.."};
    private static final String[] KAFKA = {"org.apache.kafka..", "org.springframework.kafka..",
            "org.springframework.cloud.stream..", "io.waypoint.platform.outbox..", "io.waypoint.platform.messaging.."};
    private static final String[] AVRO = {"io.waypoint.events..", "org.apache.avro.."};

    private HousePlan() {
    }

    /** Every rule of the plan for the service whose classes live under {@code base}, by name. */
    public static Map<String, ArchRule> rules(String base) {
        String api = base + ".api..";
        String messaging = base + ".messaging..";
        String app = base + ".app..";
        String events = base + ".events..";
        String store = base + ".store..";
        DescribedPredicate<JavaClass> domain = domainOf(base);
        DescribedPredicate<JavaClass> platformOtherThanRules = DescribedPredicate.describe(
                "platform code other than io.waypoint.platform.rules",
                c -> c.getPackageName().startsWith("io.waypoint.platform")
                        && !c.getPackageName().equals("io.waypoint.platform.rules"));

        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("domain packages are plain Java", noClasses().that(domain)
                .should().dependOnClassesThat(resideInAnyPackage(FRAMEWORKS).or(platformOtherThanRules))
                .because("domain packages hold the protocol's rules and records, free of any framework"));
        rules.put("domain packages reach no layer", noClasses().that(domain)
                .should().dependOnClassesThat().resideInAnyPackage(api, messaging, app, events, store,
                        base + ".config.."));
        rules.put("api reaches neither store, events, messaging nor Kafka", noClasses().that().resideInAPackage(api)
                .should().dependOnClassesThat().resideInAnyPackage(concat(new String[] {store, events, messaging},
                        KAFKA, AVRO))
                .because("controllers call the application layer, which owns transactions and events"));
        rules.put("api types are package-private", classes().that().resideInAPackage(api)
                .and().areTopLevelClasses().should().notBePublic());
        rules.put("messaging reaches neither store nor events", noClasses().that().resideInAPackage(messaging)
                .should().dependOnClassesThat().resideInAnyPackage(store, events, api,
                        "io.waypoint.platform.outbox..")
                .because("a binding turns a record into a command for the application layer, nothing more"));
        rules.put("Avro types stay in messaging and events", noClasses().that(domain)
                .or().resideInAnyPackage(app, store, api)
                .should().dependOnClassesThat().resideInAnyPackage(AVRO));
        rules.put("only events builds Avro records", noClasses().that().resideOutsideOfPackage(events)
                .should().callMethodWhere(target(name("newBuilder"))
                        .and(target(owner(assignableTo(SpecificRecordBase.class)))))
                .orShould().callConstructorWhere(target(owner(assignableTo(SpecificRecordBase.class)))));
        rules.put("only events writes the outbox", noClasses().that().resideOutsideOfPackage(events)
                .should().dependOnClassesThat().resideInAPackage("io.waypoint.platform.outbox.."));
        rules.put("no package cycle", slices().matching(base + ".(*)..").should().beFreeOfCycles());
        rules.replaceAll((name, rule) -> rule.allowEmptyShould(true));
        return rules;
    }

    /** The service's main classes (tests left out). */
    public static JavaClasses mainClasses(String base) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(base);
    }

    /** The result of one rule on the given classes. */
    public static EvaluationResult evaluate(String ruleName, String base, JavaClasses classes) {
        return rules(base).get(ruleName).evaluate(classes);
    }

    /** One test per rule, for a service's {@code @TestFactory}. */
    public static Stream<DynamicTest> tests(String base) {
        JavaClasses classes = mainClasses(base);
        return rules(base).entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> rule.getValue().check(classes)));
    }

    private static DescribedPredicate<JavaClass> domainOf(String base) {
        return DescribedPredicate.describe("reside in a domain package of " + base, c -> {
            String pkg = c.getPackageName();
            if (!pkg.startsWith(base + ".")) {
                return false;
            }
            String first = pkg.substring(base.length() + 1).split("\\.")[0];
            return !LAYERS.contains(first);
        });
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }
}

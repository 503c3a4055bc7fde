package org.openreferral.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openreferral.application.account.scratch.AccountReachingIntoReferral;
import org.openreferral.application.referral.scratch.ReferralReachingIntoIntegration;
import org.openreferral.application.shared.scratch.SharedReachingIntoAccount;
import org.openreferral.application.shared.scratch.port.in.ForgetThingUseCase;
import org.openreferral.application.shared.scratch.port.in.LoseThingUseCase;
import org.openreferral.application.shared.scratch.service.DropThingService;

/** The hexagon's rules and the feature slices' rules, over the classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openreferral");
    }

    /**
     * The rings, every one of which must exist (an empty layer would make its rules pass vacuously): the domain is
     * used by all, the application by the adapters and bootstrap, an adapter by bootstrap only (adapters never talk
     * to each other). Bootstrap is the composition root, used by nothing. (ArchUnit's onion architecture also wants a
     * domain-services ring, which this codebase does not have: its domain is models and errors.)
     */
    @Test
    void layersFormAnOnion() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy("org.openreferral.domain..")
                .layer("application").definedBy("org.openreferral.application..")
                .layer("rest").definedBy("org.openreferral.adapter.rest..")
                .layer("persistence").definedBy("org.openreferral.adapter.persistence..")
                .layer("cache").definedBy("org.openreferral.adapter.cache..")
                .layer("emailcheck").definedBy("org.openreferral.adapter.emailcheck..")
                .layer("security").definedBy("org.openreferral.adapter.security..")
                .layer("bootstrap").definedBy("org.openreferral.bootstrap..")
                .whereLayer("application").mayOnlyBeAccessedByLayers(
                        "rest", "persistence", "cache", "emailcheck", "security", "bootstrap")
                .whereLayer("rest").mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("cache").mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("emailcheck").mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("security").mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("bootstrap").mayNotBeAccessedByAnyLayer()
                .check(classes);
    }

    @Test
    void everyClassBelongsToARing() {
        classes().should().resideInAnyPackage("org.openreferral.domain..", "org.openreferral.application..",
                        "org.openreferral.adapter.rest..", "org.openreferral.adapter.persistence..",
                        "org.openreferral.adapter.cache..", "org.openreferral.adapter.emailcheck..",
                        "org.openreferral.adapter.security..", "org.openreferral.bootstrap..")
                .check(classes);
    }

    @Test
    void domainDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.openreferral.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.openreferral.domain..", "java..")
                .check(classes);
    }

    @Test
    void applicationIsFreeOfFrameworks() {
        noClasses().that().resideInAPackage("org.openreferral.application..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax..",
                        "org.hibernate..", "com.fasterxml..", "io.smallrye..", "io.vertx..")
                .check(classes);
    }

    @Test
    void portsDoNotDependOnServices() {
        noClasses().that().resideInAPackage("org.openreferral.application..port..")
                .should().dependOnClassesThat().resideInAPackage("org.openreferral.application..service..")
                .check(classes);
    }

    @Test
    void adaptersUseTheApplicationOnlyThroughPorts() {
        noClasses().that().resideInAPackage("org.openreferral.adapter..")
                .should().dependOnClassesThat().resideInAPackage("org.openreferral.application..service..")
                .check(classes);
    }

    @Test
    void entitiesLiveOnlyInPersistence() {
        classes().that().areAnnotatedWith("jakarta.persistence.Entity")
                .should().resideInAPackage("org.openreferral.adapter.persistence..")
                .check(classes);
    }

    @Test
    void useCasesAreImplementedByServicesNamedForThem() {
        servicesNamedForTheirUseCase().check(classes);
        useCasesImplementedByTheirService().check(classes);
        classes().that().resideInAPackage("org.openreferral.application..service..")
                .and().haveSimpleNameEndingWith("Service")
                .should().bePublic().andShould().haveModifier(JavaModifier.FINAL)
                .check(classes);
    }

    @Test
    void aMisnamedServiceAndAnUnimplementedUseCaseFailTheNamingRules() {
        JavaClasses scratch = new ClassFileImporter().importClasses(DropThingService.class, ForgetThingUseCase.class,
                LoseThingUseCase.class);
        List<String> violations = Stream.of(servicesNamedForTheirUseCase(), useCasesImplementedByTheirService())
                .flatMap(rule -> rule.evaluate(scratch).getFailureReport().getDetails().stream()).toList();

        assertThat(violations)
                .anySatisfy(line -> assertThat(line).contains(DropThingService.class.getName()))
                .anySatisfy(line -> assertThat(line).contains(ForgetThingUseCase.class.getName()))
                .anySatisfy(line -> assertThat(line).contains(LoseThingUseCase.class.getName()));
    }

    /**
     * A class of a service package that implements a use case is {@code <Verb><Noun>Service} for it, public and
     * final. (A service may also implement another slice's out-port, e.g. {@code ReferralAttribution}; then it is
     * named for what it does.)
     */
    static ArchRule servicesNamedForTheirUseCase() {
        return classes().that().resideInAPackage("org.openreferral.application..service..")
                .and().areNotInterfaces()
                .and(implementAUseCase())
                .should().bePublic().andShould().haveModifier(JavaModifier.FINAL)
                .andShould(new ArchCondition<JavaClass>("be named <Verb><Noun>Service for its <Verb><Noun>UseCase") {
                    @Override
                    public void check(JavaClass service, ConditionEvents events) {
                        boolean named = service.getSimpleName().endsWith("Service")
                                && service.getAllRawInterfaces().stream().filter(ArchitectureTest::isUseCase)
                                .anyMatch(useCase -> useCase.getSimpleName().equals(
                                        stem(service.getSimpleName(), "Service") + "UseCase"));
                        if (!named) {
                            events.add(SimpleConditionEvent.violated(service, service.getName()
                                    + " implements a use case but is not named <Verb><Noun>Service for it"));
                        }
                    }
                })
                .allowEmptyShould(false);
    }

    private static DescribedPredicate<JavaClass> implementAUseCase() {
        return new DescribedPredicate<>("implement a use case") {
            @Override
            public boolean test(JavaClass type) {
                return type.getAllRawInterfaces().stream().anyMatch(ArchitectureTest::isUseCase);
            }
        };
    }

    private static boolean isUseCase(JavaClass type) {
        return type.isInterface() && type.getPackageName().contains(".port.in")
                && type.getSimpleName().endsWith("UseCase");
    }

    /** Every {@code <Verb><Noun>UseCase} in a {@code port.in} is implemented by a {@code <Verb><Noun>Service}. */
    static ArchRule useCasesImplementedByTheirService() {
        return classes().that().resideInAPackage("org.openreferral.application..port.in..")
                .and().areInterfaces().and().haveSimpleNameEndingWith("UseCase")
                .should(new ArchCondition<JavaClass>("be implemented by the service of the same name") {
                    @Override
                    public void check(JavaClass useCase, ConditionEvents events) {
                        String service = stem(useCase.getSimpleName(), "UseCase") + "Service";
                        boolean implemented = useCase.getAllSubclasses().stream().anyMatch(type ->
                                type.getSimpleName().equals(service) && type.getPackageName().contains(".service"));
                        if (!implemented) {
                            events.add(SimpleConditionEvent.violated(useCase, useCase.getName()
                                    + " has no implementation named " + service + " in a service package"));
                        }
                    }
                })
                .allowEmptyShould(false);
    }

    private static String stem(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }

    @Test
    void everyApplicationClassBelongsToASlice() {
        classes().that().resideInAPackage("org.openreferral.application..")
                .should().resideInAnyPackage(Slice.ACCOUNT.inApplication(), Slice.REFERRAL.inApplication(),
                        Slice.INTEGRATION.inApplication(), Slice.SHARED.inApplication())
                .check(classes);
    }

    @ParameterizedTest
    @MethodSource("sliceRules")
    void slicesDependOnlyOnTheSlicesTheyMay(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void aSliceThatReachesWhereItMayNotFailsTheRules() {
        JavaClasses scratch = new ClassFileImporter().importClasses(AccountReachingIntoReferral.class,
                ReferralReachingIntoIntegration.class, SharedReachingIntoAccount.class);
        List<String> violations = sliceRules()
                .flatMap(rule -> rule.evaluate(scratch).getFailureReport().getDetails().stream()).toList();

        assertThat(violations)
                .anySatisfy(line -> assertThat(line).contains(AccountReachingIntoReferral.class.getName()))
                .anySatisfy(line -> assertThat(line).contains(ReferralReachingIntoIntegration.class.getName()))
                .anySatisfy(line -> assertThat(line).contains(SharedReachingIntoAccount.class.getName()));
    }

    static Stream<ArchRule> sliceRules() {
        return Stream.of(Slice.values()).map(Slice::rule);
    }

    /**
     * The feature slices and whom each may use: account stands alone, referral builds on account, integration
     * (clients, events, webhooks, idempotency) on both; shared is used by all and uses none. A slice is the same
     * package name in the application, in every adapter and in the bootstrap wiring. The email check and the
     * security adapter serve accounts only.
     */
    enum Slice {
        SHARED,
        ACCOUNT(SHARED),
        REFERRAL(SHARED, ACCOUNT),
        INTEGRATION(SHARED, ACCOUNT, REFERRAL);

        private final List<Slice> allowed;

        Slice(Slice... allowed) {
            this.allowed = List.of(allowed);
        }

        String inApplication() {
            return "org.openreferral.application." + slug() + "..";
        }

        String[] packages() {
            Stream<String> own = Stream.of(inApplication(), "org.openreferral.adapter.*." + slug() + "..",
                    "org.openreferral.bootstrap." + slug() + "..");
            Stream<String> accountOnlyAdapters = this == ACCOUNT
                    ? Stream.of("org.openreferral.adapter.emailcheck..", "org.openreferral.adapter.security..")
                    : Stream.empty();
            return Stream.concat(own, accountOnlyAdapters).toArray(String[]::new);
        }

        ArchRule rule() {
            String[] forbidden = Stream.of(values()).filter(other -> other != this && !allowed.contains(other))
                    .flatMap(other -> Stream.of(other.packages())).toArray(String[]::new);
            return noClasses().that().resideInAnyPackage(packages())
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .as("the " + slug() + " slice uses only " + (allowed.isEmpty() ? "itself" : allowed))
                    .allowEmptyShould(true);
        }

        private String slug() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return slug();
        }
    }
}

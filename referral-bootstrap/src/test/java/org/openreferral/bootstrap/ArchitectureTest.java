package org.openreferral.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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

/** The hexagon's rules and the feature slices' rules, over the classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openreferral");
    }

    @Test
    void layersFormAnOnion() {
        onionArchitecture()
                .domainModels("org.openreferral.domain..")
                .applicationServices("org.openreferral.application..")
                .adapter("rest", "org.openreferral.adapter.rest..")
                .adapter("persistence", "org.openreferral.adapter.persistence..")
                .adapter("cache", "org.openreferral.adapter.cache..")
                .adapter("emailcheck", "org.openreferral.adapter.emailcheck..")
                .adapter("security", "org.openreferral.adapter.security..")
                .withOptionalLayers(true)
                // Bootstrap is the composition root: it builds the services, outside the rings.
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("org.openreferral.bootstrap.."),
                        DescribedPredicate.alwaysTrue())
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
        classes().that().resideInAPackage("org.openreferral.application..service..")
                .and().haveSimpleNameEndingWith("Service")
                .should().bePublic().andShould().haveModifier(JavaModifier.FINAL)
                .check(classes);
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

package org.openreferral.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's rules, over the classes of every module. */
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
        noClasses().that().resideInAPackage("org.openreferral.application.port..")
                .should().dependOnClassesThat().resideInAPackage("org.openreferral.application.service..")
                .check(classes);
    }

    @Test
    void adaptersUseTheApplicationOnlyThroughPorts() {
        noClasses().that().resideInAPackage("org.openreferral.adapter..")
                .should().dependOnClassesThat().resideInAPackage("org.openreferral.application.service..")
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
        classes().that().resideInAPackage("org.openreferral.application.service..")
                .and().haveSimpleNameEndingWith("Service")
                .should().bePublic().andShould().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
                .check(classes);
    }
}

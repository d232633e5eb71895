package dev.herald.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hexagon's rules, checked on the compiled classes of every module (the server's tests see them all). */
class ArchitectureTest {
    private static final JavaClasses HERALD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // the application's test fixtures
            .importPackages("dev.herald");

    private static final List<String> ADAPTERS = List.of(
            "dev.herald.adapter.http..", "dev.herald.adapter.persistence..", "dev.herald.adapter.outbound..",
            "dev.herald.adapter.mail..", "dev.herald.adapter.schema..", "dev.herald.adapter.metrics..");

    @Test
    void theDomainDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.herald.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.herald.domain..", "java..", "javax.crypto..")
                .check(HERALD);
    }

    @Test
    void theApplicationDependsOnTheDomainAndTheJdkOnly() {
        classes().that().resideInAPackage("dev.herald.application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.herald.application..", "dev.herald.domain..", "java..")
                .check(HERALD);
    }

    @Test
    void theDomainsConceptsFormNoCycle() {
        // today: delivery -> webhook, event, tenant; webhook -> event, tenant; event -> tenant
        slices().matching("dev.herald.domain.(*)..").should().beFreeOfCycles().check(HERALD);
    }

    @Test
    void drivenPortsNeverSeeDrivingPorts() {
        noClasses().that().resideInAPackage("dev.herald.application.port.out..")
                .should().dependOnClassesThat().resideInAPackage("dev.herald.application.port.in..")
                .check(HERALD);
    }

    @Test
    void drivingPortsNeverSeeDrivenPorts() {
        noClasses().that().resideInAPackage("dev.herald.application.port.in..")
                .should().dependOnClassesThat().resideInAPackage("dev.herald.application.port.out..")
                .check(HERALD);
    }

    @Test
    void adaptersAndSettingsNeverUseTheServices() {
        noClasses().that().resideInAnyPackage(ADAPTERS.toArray(String[]::new))
                .or().resideInAPackage("dev.herald.application.config..")
                .should().dependOnClassesThat().resideInAPackage("dev.herald.application.service..")
                .check(HERALD);
    }

    @Test
    void theCoreImportsNoFrameworkNorJdbc() {
        noClasses().that().resideInAnyPackage("dev.herald.domain..", "dev.herald.application..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.jdbi..", "com.fasterxml..", "java.sql..", "javax.sql..",
                        "io.micrometer..")
                .check(HERALD);
    }

    @Test
    void adaptersNeverSeeEachOther() {
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(HERALD);
        }
    }

    @Test
    void onlyTheServerBuildsOnTheEmbeddingFacade() {
        noClasses().that().resideOutsideOfPackages("dev.herald.bootstrap..", "dev.herald.server..")
                .should().dependOnClassesThat().resideInAPackage("dev.herald.bootstrap..")
                .check(HERALD);
    }

    @Test
    void nothingDependsOnTheServer() {
        noClasses().that().resideOutsideOfPackage("dev.herald.server..")
                .should().dependOnClassesThat().resideInAPackage("dev.herald.server..")
                .check(HERALD);
    }

    @Test
    void theEmbeddingFacadeNeedsNoHttpApiNorMail() {
        noClasses().that().resideInAPackage("dev.herald.bootstrap..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.herald.adapter.http..", "dev.herald.adapter.mail..", "io.javalin..",
                        "org.eclipse.jetty..", "jakarta.mail..", "org.h2..", "org.postgresql..")
                .check(HERALD);
    }
}

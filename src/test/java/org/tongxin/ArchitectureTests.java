package org.tongxin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** doc/style.md rules that a compiler does not check. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tongxin");

    @Test
    void timeIsAlwaysTakenFromTheInjectedClock() {
        ArchRule rule = noClasses()
                .should()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.ZonedDateTime.class, "now")
                .orShould()
                .callMethod(java.time.OffsetDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .because("time is injected (Clock bean) so tests can move it (doc/style.md 8)");
        rule.check(CLASSES);
    }

    @Test
    void domainCodeDoesNotDependOnTheWeb() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "..web..",
                        "org.tongxin.shared..",
                        "org.tongxin.identity.internal..",
                        "org.tongxin.platform..",
                        "org.tongxin.audit.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.servlet..", "org.springframework.web..", "org.springframework.ui..")
                .because("aggregates and policies take plain values; the web stays at the edges (doc/style.md 10)")
                .check(CLASSES);
    }

    /**
     * Issue 12: every package says that its types are not null unless marked otherwise (JSpecify), so a reader and
     * Spring's own null checks take the same default. Each package of the main code has its package-info with the mark.
     */
    @Test
    void everyPackageIsNullMarked() {
        java.util.Set<String> unmarked = new java.util.TreeSet<>();
        for (com.tngtech.archunit.core.domain.JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tongxin", "db.migration")) {
            String name = type.getPackageName();
            try {
                if (!Class.forName(name + ".package-info")
                        .isAnnotationPresent(org.jspecify.annotations.NullMarked.class)) {
                    unmarked.add(name + " (package-info without @NullMarked)");
                }
            } catch (ClassNotFoundException e) {
                unmarked.add(name + " (no package-info)");
            }
        }
        org.assertj.core.api.Assertions.assertThat(unmarked)
                .as("annotate the package-info with @org.jspecify.annotations.NullMarked")
                .isEmpty();
    }

    @Test
    void noLayerPackagesAtTheTop() {
        noClasses()
                .should()
                .resideInAnyPackage(
                        "org.tongxin.controller..",
                        "org.tongxin.service..",
                        "org.tongxin.dto..",
                        "org.tongxin.repository..")
                .because("code is packaged by module (doc/style.md 1)")
                .check(CLASSES);
    }

    /**
     * Issue 9, item 3: one rule decides who opens a case's stored documents, on every path (case documents, handover
     * documents and copies, referral letters, any export to come), so nothing but that rule reads a document's content.
     */
    @Test
    void onlyTheCaseDocumentRuleReadsADocumentsContent() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(org.tongxin.casefile.CaseDocumentAccess.class.getName())
                .and()
                .resideOutsideOfPackage("org.tongxin.document..")
                .should()
                .callMethod(org.tongxin.document.Documents.class, "content", org.tongxin.document.DocumentId.class)
                .because("every path to a document goes through CaseDocumentAccess and its DocumentRule")
                .check(CLASSES);
    }

    @Test
    void controllersLiveInWebPackages() {
        noClasses()
                .that()
                .areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .resideOutsideOfPackages("..web..")
                .check(CLASSES);
    }
}

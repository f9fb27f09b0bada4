package dev.trailwatch.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way structure of the code (README "Architecture"): each arrow points down only.
 *
 * <pre>
 * cli, lsp → config, report → scan → policy → rules → model ← {cloudformation, terraform} ← scan
 *                                     (document: JSON/YAML with positions, for readers of files)
 *                            source (files, positions, errors): under everything
 * </pre>
 */
class ArchitectureTest {
    private static final String ROOT = "dev.trailwatch";
    private static final String[] LAYER_PACKAGES = {ROOT + ".cli..", ROOT + ".lsp..", ROOT + ".fix..",
        ROOT + ".report..", ROOT + ".config..", ROOT + ".scan..", ROOT + ".policy..", ROOT + ".rules..",
        ROOT + ".cloudformation..", ROOT + ".terraform..", ROOT + ".document..", ROOT + ".model..",
        ROOT + ".source..", ROOT};
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("Entry").definedBy(ROOT + ".cli..", ROOT + ".lsp..")
                .layer("Fix").definedBy(ROOT + ".fix..")
                .layer("Report").definedBy(ROOT + ".report..")
                .layer("Config").definedBy(ROOT + ".config..")
                .layer("Scan").definedBy(ROOT + ".scan..")
                .layer("Policy").definedBy(ROOT + ".policy..")
                .layer("Rules").definedBy(ROOT + ".rules..")
                .layer("CloudFormation").definedBy(ROOT + ".cloudformation..")
                .layer("Terraform").definedBy(ROOT + ".terraform..")
                .layer("Document").definedBy(ROOT + ".document..")
                .layer("Model").definedBy(ROOT + ".model..")
                .layer("Source").definedBy(ROOT + ".source..", ROOT)
                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Fix").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Scan").mayOnlyBeAccessedByLayers("Entry", "Report", "Config", "Fix")
                .whereLayer("Policy").mayOnlyBeAccessedByLayers("Entry", "Report", "Config", "Scan", "Fix")
                .whereLayer("Rules").mayOnlyBeAccessedByLayers("Entry", "Report", "Config", "Scan", "Policy", "Fix")
                .whereLayer("CloudFormation").mayOnlyBeAccessedByLayers("Entry", "Config", "Scan", "Fix")
                .whereLayer("Terraform").mayOnlyBeAccessedByLayers("Entry", "Config", "Scan", "Fix")
                // Readers of files: the front ends, and the readers of the project's own files
                // (baseline, .trailwatch.yml, standard input's first look).
                .whereLayer("Document").mayOnlyBeAccessedByLayers("CloudFormation", "Terraform", "Policy",
                        "Config", "Fix", "Entry")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Entry", "Fix", "Report", "Config", "Scan", "Policy",
                        "Rules", "CloudFormation", "Terraform", "Document");
    }

    @Test
    void everyArrowPointsDown() {
        layers().check(classes);
    }

    /** A package outside every layer would escape the layer test. */
    @Test
    void everyClassLiesInALayer() {
        ArchRule rule = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().should()
                .resideInAnyPackage(LAYER_PACKAGES);
        rule.check(classes);
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        ArchRule rule = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
        rule.check(classes);
    }

    /** The layer test itself can fail: a rule importing a front end is a back-arrow. */
    @Test
    void aBackArrowFails() {
        JavaClasses withBackArrow = new ClassFileImporter().importClasses(RuleReadingTerraform.class,
                dev.trailwatch.terraform.TerraformFolders.class);
        assertThrows(AssertionError.class, () -> layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Rules").definedBy(RuleReadingTerraform.class.getPackageName())
                .layer("Terraform").definedBy(ROOT + ".terraform..")
                .whereLayer("Terraform").mayNotBeAccessedByAnyLayer()
                .check(withBackArrow));
        assertFalse(classes.isEmpty());
    }

    /** Stands for a rule that names a front end's class. */
    static final class RuleReadingTerraform {
        @SuppressWarnings("unused")
        private dev.trailwatch.terraform.TerraformFolders reads;
    }
}

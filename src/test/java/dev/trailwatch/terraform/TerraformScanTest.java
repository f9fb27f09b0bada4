package dev.trailwatch.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How Terraform is scanned when pre-commit names single files: a file is evaluated with its
 * whole folder, a module's findings are reported once, and a module is evaluated through the
 * configurations that call it. Also --var and --var-file precedence.
 */
class TerraformScanTest {
    private static final String BASIC = "testdata/terraform/basic/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFileNamedAloneIsEvaluatedWithItsFolder() {
        // The default that empties the role lives in variables.tf, which is not named.
        Cli.Run run = Cli.run("scan", "-q", "--rules", "TW001", BASIC + "main.tf");
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
        assertTrue(run.out().contains(BASIC + "main.tf:21:3: error TW001 aws_cloudtrail.from_default is not integrated"
                + " with CloudWatch Logs: cloud_watch_logs_role_arn is empty (from the default of variable"
                + " trail_role_arn)"), run.out());
    }

    @Test
    void severalFilesOfOneModuleReportItsFindingsOnce() {
        Cli.Run one = Cli.run("scan", "-q", "--rules", "TW001", BASIC + "main.tf");
        Cli.Run both = Cli.run("scan", "-q", "--rules", "TW001", BASIC + "main.tf", BASIC + "variables.tf");
        Cli.Run folder = Cli.run("scan", "-q", "--rules", "TW001", BASIC);
        assertEquals(10, one.outLines().size(), one.out());
        assertEquals(one.out(), both.out());
        assertEquals(one.out(), folder.out());
    }

    @Test
    void aVariablesFileNamedAloneIsEvaluatedWithItsConfiguration() {
        // pre-commit names only the changed terraform.tfvars: the configuration it feeds is what changed.
        Cli.Run run = Cli.run("scan", "-q", "--rules", "TW001", "testdata/terraform/tfvars/terraform.tfvars");
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
        assertTrue(run.out().contains("testdata/terraform/tfvars/main.tf:21:3: error TW001"
                + " aws_cloudtrail.emptied_by_tfvars is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn"
                + " is empty (from testdata/terraform/tfvars/terraform.tfvars)"), run.out());
    }

    @Test
    void aModuleFileIsEvaluatedThroughItsCallers() {
        Cli.Run run = Cli.run("scan", "-q", "--rules", "TW001", "testdata/terraform/modules/audit/logs/main.tf");
        assertEquals(List.of("testdata/terraform/modules/audit/logs/main.tf:19:3: error TW001"
                + " module.audit.module.logs.aws_cloudtrail.strict is not integrated with CloudWatch Logs:"
                + " cloud_watch_logs_group_arn is empty (from the default of variable strict_group_arn)",
                "testdata/terraform/modules/audit/logs/main.tf:26:3: error TW001"
                + " module.audit.module.logs.aws_cloudtrail.inner is not integrated with CloudWatch Logs:"
                + " cloud_watch_logs_group_arn is empty (from the default of variable group_arn)"), run.outLines());
    }

    @Test
    void callersInTfJsonCountAndCommentedOutCallsDoNot() {
        Cli.Run run = Cli.run("scan", "-q", "--rules", "TW001", "testdata/terraform/callers/lib/main.tf");
        assertEquals(List.of("testdata/terraform/callers/lib/main.tf:9:3: error TW001"
                + " module.lib.aws_cloudtrail.t is not integrated with CloudWatch Logs:"
                + " cloud_watch_logs_role_arn is empty (from argument role_arn of module.lib)"), run.outLines());
    }

    @Test
    void relatedLocationPointsAtTheModuleArgument() throws IOException {
        Cli.Run run = Cli.run("scan", "-q", "--rules", "TW001", "-f", "json", "testdata/terraform/modules/audit/main.tf");
        JsonNode findings = JSON.readTree(run.out()).path("findings");
        // The module named, and the local module it calls in turn.
        List<String> addresses = new java.util.ArrayList<>();
        findings.forEach(f -> addresses.add(f.path("resource").path("address").asText()));
        assertEquals(List.of("module.audit.module.logs.aws_cloudtrail.strict", "module.audit.module.logs.aws_cloudtrail.inner",
                "module.audit.aws_cloudtrail.this"), addresses);
        JsonNode finding = findings.get(2);
        assertEquals("module.audit.aws_cloudtrail.this", finding.path("resource").path("address").asText());
        assertEquals("aws_cloudtrail", finding.path("resource").path("type").asText());
        assertEquals("this", finding.path("resource").path("name").asText());
        JsonNode related = finding.path("related").get(0);
        assertEquals("testdata/terraform/modules/envs/prod/main.tf", related.path("file").asText());
        assertEquals(5, related.path("line").asInt());
        assertEquals(3, related.path("column").asInt());
    }

    private static final String MONOREPO = "testdata/terraform/monorepo/";
    private static final String MODULE = MONOREPO + "modules/cloudtrail/";
    /** What live/prod's arguments and tfvars break in the local module it calls twice (and in the module that calls). */
    private static final List<String> PROD_BREAKS_THE_MODULE = List.of(
            MODULE + "main.tf:19:3: error TW001 module.audit.aws_cloudtrail.this is not integrated with CloudWatch"
                    + " Logs: cloud_watch_logs_group_arn is empty (from " + MONOREPO + "live/prod/terraform.tfvars)",
            MODULE + "main.tf:21:3: error TW001 module.backup.aws_cloudtrail.this is not integrated with CloudWatch"
                    + " Logs: cloud_watch_logs_role_arn is empty (from argument role_arn of module.backup)",
            MODULE + "org/main.tf:14:3: error TW001 module.backup.module.org.aws_cloudtrail.org is not integrated"
                    + " with CloudWatch Logs: cloud_watch_logs_role_arn is empty (from argument role_arn of"
                    + " module.backup)");

    @Test
    void scanningACallerReportsWhatItBreaksInsideTheLocalModulesItCalls() {
        // Not the trails of the registry module installed under live/prod/.terraform/modules (nor its own local call).
        Cli.Run run = Cli.run("scan", "-q", MONOREPO + "live/prod");
        assertEquals(PROD_BREAKS_THE_MODULE, run.outLines(), run.err());
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        assertEquals("", run.err());
    }

    @Test
    void aCommitThatChangesOnlyTheCallerOrItsTfvarsFails() {
        // pre-commit names only the changed files.
        for (String changed : List.of("live/prod/terraform.tfvars", "live/prod/main.tf")) {
            Cli.Run run = Cli.run("scan", "-q", MONOREPO + changed);
            assertEquals(PROD_BREAKS_THE_MODULE, run.outLines(), changed);
            assertEquals(ExitCodes.FINDINGS, run.exitCode(), changed);
        }
    }

    @Test
    void aCallerAndItsModuleScannedTogetherReportEachFindingOnce() {
        Cli.Run run = Cli.run("scan", "-q", MONOREPO + "live/prod", MODULE, MODULE + "org/main.tf",
                MONOREPO + "live/prod/main.tf");
        assertEquals(PROD_BREAKS_THE_MODULE, run.outLines());
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
    }

    @Test
    void aCallerThatWiresTheModuleCorrectlyPasses() {
        Cli.Run run = Cli.run("scan", "-q", MONOREPO + "live/staging");
        assertEquals(List.of(), run.outLines());
        assertEquals(ExitCodes.CLEAN, run.exitCode());
    }

    @Test
    void theSameFindingReachedFromTwoConfigurationsIsReportedOnceWithEachCause() throws IOException {
        // live/dev and live/prod both name their call "backup" and pass an empty role.
        Cli.Run run = Cli.run("scan", "-q", "-f", "json", MONOREPO + "live");
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        JsonNode findings = JSON.readTree(run.out()).path("findings");
        assertEquals(3, findings.size(), run.out());
        JsonNode backup = findings.get(1);
        assertEquals("module.backup.aws_cloudtrail.this", backup.path("resource").path("address").asText());
        assertEquals(MODULE + "main.tf", backup.path("file").asText());
        assertEquals(21, backup.path("line").asInt());
        List<String> related = new java.util.ArrayList<>();
        for (JsonNode r : backup.path("related")) {
            related.add(r.path("file").asText() + ":" + r.path("line").asInt() + ":" + r.path("column").asInt());
        }
        assertEquals(List.of(MONOREPO + "live/dev/main.tf:7:3", MONOREPO + "live/prod/main.tf:18:3"), related);
    }

    @Test
    void anExcludedModuleIsNotReportedThroughItsCallers() {
        Cli.Run run = Cli.run("scan", "-q", "--exclude", MONOREPO + "modules/**", MONOREPO + "live/prod");
        assertEquals(List.of(), run.outLines());
        assertEquals(ExitCodes.CLEAN, run.exitCode());
    }

    @Test
    void varFileAndVarApplyInCommandLineOrder() {
        String dir = "testdata/terraform/tfvars";
        String trail = "aws_cloudtrail.emptied_by_tfvars";
        Cli.Run fromFile = Cli.run("scan", "-q", "--rules", "TW001", "--var-file", dir + "/other.tfvars", dir);
        assertTrue(fromFile.outLines().stream().noneMatch(l -> l.contains(trail)), fromFile.out());
        Cli.Run varLast = Cli.run("scan", "-q", "--rules", "TW001", "--var-file", dir + "/other.tfvars", "--var", "group_from_tfvars=",
                dir);
        assertTrue(varLast.out().contains(trail + " is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn"
                + " is empty (from --var group_from_tfvars=)"), varLast.out());
        Cli.Run fileLast = Cli.run("scan", "-q", "--rules", "TW001", "--var", "group_from_tfvars=", "--var-file", dir + "/other.tfvars",
                dir);
        assertTrue(fileLast.outLines().stream().noneMatch(l -> l.contains(trail)), fileLast.out());
    }

    @Test
    void aDeclaredBoolVariableGivenOnTheCommandLineDecidesTheCondition() {
        Cli.Run off = Cli.run("scan", "-q", "--rules", "TW001", "--var", "deliver=true", BASIC);
        assertTrue(off.outLines().stream().noneMatch(l -> l.contains("aws_cloudtrail.conditional")), off.out());
        Cli.Run on = Cli.run("scan", "-q", "--rules", "TW001", "--var", "deliver=false", BASIC);
        assertTrue(on.out().contains("aws_cloudtrail.conditional is not integrated with CloudWatch Logs:"
                + " cloud_watch_logs_group_arn is empty\n"), on.out());
    }

    @Test
    void aCycleOfModuleCallsIsAnErrorAtTheCall() {
        Cli.Run run = Cli.run("scan", "-q", "--rules", "TW001", "testdata/terraform/cycle/a");
        assertEquals(ExitCodes.ERROR, run.exitCode());
        // Evaluated from a, the cycle closes at b's call back to a.
        assertEquals("testdata/terraform/cycle/b/main.tf:2:3: error: module a calls testdata/terraform/cycle/a,"
                + " which is already calling it: a cycle of module calls", run.err().strip());
    }

    @Test
    void malformedVarIsAUsageError() {
        Cli.Run run = Cli.run("scan", "--var", "novalue", BASIC);
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("trailwatch: --var expects NAME=VALUE, got 'novalue'", run.err().strip());
    }

    @Test
    void conditionsThatDoubleThePathsAreSummarisedNotWalkedForever(@TempDir Path dir) throws IOException {
        // Each local is a condition over the previous one in both branches: 2^28 paths to the empty string.
        StringBuilder tf = new StringBuilder("variable \"flags\" {}\nlocals {\n"
                + "  g0 = var.flags[0] ? \"\" : \"arn:aws:logs:us-east-1:123456789012:log-group:a:*\"\n");
        for (int i = 1; i < 28; i++) {
            tf.append("  g").append(i).append(" = var.flags[").append(i).append("] ? local.g").append(i - 1)
                    .append(" : local.g").append(i - 1).append('\n');
        }
        tf.append("}\nresource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n"
                + "  cloud_watch_logs_group_arn = local.g27\n"
                + "  cloud_watch_logs_role_arn  = \"arn:aws:iam::123456789012:role/r\"\n}\n");
        Files.writeString(dir.resolve("main.tf"), tf);
        Cli.Run run = Cli.run("scan", "-q", "--rules", "TW001", dir.toString());
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
        assertEquals(1, run.outLines().size(), run.out());
        String line = run.outLines().get(0);
        assertTrue(line.contains(":34:3: error TW001 aws_cloudtrail.t is not integrated with CloudWatch Logs:"
                + " cloud_watch_logs_group_arn is empty when condition var.flags[27] is true and"), line);
        assertTrue(line.endsWith("(from local g0); and in more combinations of conditions (too many to follow all)"),
                line);
    }
}

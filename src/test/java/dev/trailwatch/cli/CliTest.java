package dev.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailwatch.testing.Cli;
import dev.trailwatch.testing.ExpectedFindings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exact output lines, report fields and exit codes. */
class CliTest {
    private static final String MISSING = "testdata/cloudformation/missing-integration.yaml";
    private static final String MISSING_LINE = MISSING + ":7:3: error TW001 AuditTrail is not integrated with"
            + " CloudWatch Logs: CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn are not set";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void findingIsOneCompilerStyleLineAndExitCodeOne() {
        Cli.Run run = Cli.run("scan", MISSING);
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        assertEquals(List.of(MISSING_LINE), run.outLines());
        assertEquals("trailwatch: 1 file, 2 resources, 1 trail: 1 finding, 0 errors", run.err().strip());
    }

    @Test
    void scanIsTheDefaultCommand() {
        Cli.Run run = Cli.run(MISSING);
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        assertEquals(List.of(MISSING_LINE), run.outLines());
    }

    @Test
    void integratedTrailIsCleanAndQuietPrintsNothing() {
        Cli.Run run = Cli.run("scan", "-q", "testdata/cloudformation/integrated.yaml");
        assertEquals(ExitCodes.CLEAN, run.exitCode());
        assertEquals("", run.out());
        assertEquals("", run.err());
    }

    @Test
    void failOnDecidesWhichSeverityFails() {
        assertEquals(ExitCodes.CLEAN, Cli.run("scan", "--fail-on", "never", MISSING).exitCode());
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "--fail-on", "warning", MISSING).exitCode());
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "--fail-on", "note", MISSING).exitCode());
        Cli.Run bad = Cli.run("scan", "--fail-on", "sometimes", MISSING);
        assertEquals(ExitCodes.ERROR, bad.exitCode());
        assertEquals("trailwatch: unknown --fail-on 'sometimes'; one of: error, warning, note, never", bad.err().strip());
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        Cli.Run format = Cli.run("scan", "--format", "xml", MISSING);
        assertEquals(ExitCodes.ERROR, format.exitCode());
        assertEquals("trailwatch: unknown --format 'xml'; one of: text, json, sarif, junit, github, checkstyle,"
                + " gitlab-codequality",
                format.err().strip());
        Cli.Run rule = Cli.run("scan", "--rules", "TW999", MISSING);
        assertEquals(ExitCodes.ERROR, rule.exitCode());
        assertEquals("trailwatch: unknown rule 'TW999'; known: TW000, TW001, TW002, TW003, TW004, TW005, TW100",
                rule.err().strip());
        Cli.Run option = Cli.run("scan", "--no-such-option");
        assertEquals(ExitCodes.ERROR, option.exitCode());
        assertTrue(option.err().startsWith("Unknown option: '--no-such-option'"), option.err());
        assertEquals("", option.out());
    }

    @Test
    void skippingTheRuleLeavesNothingToReport() {
        Cli.Run run = Cli.run("scan", "--skip-rules", "TW001", MISSING);
        assertEquals(ExitCodes.CLEAN, run.exitCode());
        assertEquals("", run.out());
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "--rules", "tw001", MISSING).exitCode());
    }

    @Test
    void jsonReportOfTestdataHasEverySpecField() throws IOException {
        Cli.Run run = Cli.run("scan", "--format", "json", "testdata");
        assertEquals(ExitCodes.ERROR, run.exitCode(), "testdata holds broken files on purpose");
        JsonNode report = JSON.readTree(run.out());
        assertEquals("trailwatch", report.path("tool").path("name").asText());
        assertEquals(dev.trailwatch.Version.VALUE, report.path("tool").path("version").asText());

        JsonNode findings = report.path("findings");
        java.util.Set<String> rules = new java.util.TreeSet<>();
        findings.forEach(f -> rules.add(f.path("ruleId").asText()));
        assertEquals(java.util.Set.of("TW001", "TW002", "TW003", "TW004", "TW005", "TW100"), rules,
                "testdata exercises every rule but TW000, which needs --strict");
        for (JsonNode f : findings) {
            for (String field : List.of("ruleId", "severity", "file", "line", "column", "endLine", "endColumn",
                    "resource", "message", "remediation")) {
                assertTrue(f.has(field), field + " missing in " + f);
            }
            for (String field : List.of("type", "name", "address")) {
                assertTrue(f.path("resource").has(field), field + " missing in " + f);
            }
            assertTrue(f.path("line").asInt() >= 1 && f.path("column").asInt() >= 1);
            assertTrue(f.path("endLine").asInt() >= f.path("line").asInt());
        }
        JsonNode first = findings.get(0);
        String firstFile = "testdata/cloudformation/cdk/AuditStack.template.json";
        assertEquals(firstFile, first.path("file").asText(), "findings in path order");
        assertEquals(ExpectedFindings.of(Path.of(firstFile)).get(0), first.path("line").asInt() + ":"
                + first.path("column").asInt() + "-" + first.path("endLine").asInt() + ":" + first.path("endColumn").asInt()
                + " " + first.path("ruleId").asText() + " " + first.path("message").asText(), "its fixture's first finding");
        assertEquals("error", first.path("severity").asText());
        assertEquals("AWS::CloudTrail::Trail", first.path("resource").path("type").asText());
        assertEquals("AuditTrail5E6F7A8B", first.path("resource").path("address").asText());

        JsonNode errors = report.path("errors");
        // The broken files kept in testdata on purpose: one error each.
        java.util.Set<String> broken = new java.util.TreeSet<>();
        for (String folder : List.of("testdata/bad", "testdata/hcl/invalid")) {
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(folder))) {
                files.map(p -> p.toString().replace('\\', '/')).filter(p -> !p.endsWith(".md")).forEach(broken::add);
            }
        }
        broken.addAll(List.of("testdata/mixed/broken-template.yaml", "testdata/terraform/cycle/a/main.tf",
                "testdata/terraform/cycle/b/main.tf"));
        java.util.Set<String> erroneous = new java.util.TreeSet<>();
        errors.forEach(e -> erroneous.add(e.path("file").asText()));
        assertEquals(broken, erroneous);
        assertEquals(broken.size(), errors.size(), "one error per broken file");
        for (JsonNode e : errors) {
            assertTrue(e.path("line").asInt() >= 1 && e.path("column").asInt() >= 1, "position in " + e);
            assertFalse(e.path("message").asText().isBlank());
        }
        assertEquals("testdata/bad/alias.yaml", errors.get(0).path("file").asText());
        assertEquals(9, errors.get(0).path("line").asInt());
        assertEquals(17, errors.get(0).path("column").asInt());

        JsonNode summary = report.path("summary");
        int suppressed = 0;
        for (JsonNode f : findings) {
            if (f.has("suppressed")) {
                suppressed++;
                assertTrue(f.path("suppressed").has("kind") && f.path("suppressed").has("reason"), f.toString());
            }
        }
        assertTrue(suppressed > 0, "testdata/suppress holds suppressions that hold");
        assertEquals(findings.size() - suppressed, summary.path("findings").asInt());
        assertEquals(suppressed, summary.path("suppressed").asInt());
        assertEquals(errors.size(), summary.path("errors").asInt());
        assertTrue(summary.path("trails").asInt() >= 80, summary.toString());
        assertEquals(filesReadOneByOne(Path.of("testdata")), summary.path("files").asInt(),
                "the folder's scan reads the files a scan of each reads");
        assertTrue(summary.path("resources").asInt() >= summary.path("trails").asInt());
    }

    /**
     * How many files under the folder trailwatch reads when each is named alone (a Terraform or
     * variables file always; another file when it is a template or a plan, broken ones included),
     * leaving out the folders a walk always skips.
     */
    private static int filesReadOneByOne(Path folder) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> java.util.stream.StreamSupport.stream(p.spliterator(), false)
                            .noneMatch(part -> List.of(".git", ".terraform", "node_modules").contains(part.toString())))
                    .toList();
        }
        int read = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.matches(".*\\.(tf|tf\\.json|tfvars|tfvars\\.json)")) {
                read++; // read with its folder, which counts its neighbours too
            } else {
                Cli.Run alone = Cli.run("scan", "-q", "-f", "json", file.toString());
                read += JSON.readTree(alone.out()).path("summary").path("files").asInt();
            }
        }
        return read;
    }

    @Test
    void emptyValueFromAParameterDefaultPointsThereToo() throws IOException {
        Cli.Run run = Cli.run("scan", "-f", "json", "testdata/cloudformation/parameters.yaml");
        JsonNode finding = JSON.readTree(run.out()).path("findings").get(0);
        assertEquals(15, finding.path("line").asInt());
        assertEquals(7, finding.path("column").asInt());
        JsonNode related = finding.path("related").get(0);
        assertEquals("testdata/cloudformation/parameters.yaml", related.path("file").asText());
        assertEquals(5, related.path("line").asInt());
        assertEquals(5, related.path("column").asInt());
        assertEquals("CloudWatchLogsLogGroupArn gets its value from the Default of parameter LogGroupArn",
                related.path("message").asText());
    }

    @Test
    void parameterValuesReplaceDefaults() throws IOException {
        String template = "testdata/cloudformation/parameters.yaml";
        String arn = "arn:aws:logs:us-east-1:123456789012:log-group:trail:*";
        assertEquals(ExitCodes.CLEAN, Cli.run("scan", "--parameter", "LogGroupArn=" + arn, template).exitCode());

        Cli.Run emptied = Cli.run("scan", "--parameter", "LogGroupArn=", template);
        assertEquals(List.of(template + ":15:7: error TW001 ParameterTrail is not integrated with CloudWatch Logs:"
                + " CloudWatchLogsLogGroupArn is empty (from --parameter LogGroupArn=)"), emptied.outLines());

        Path file = temp.resolve("params.json");
        Files.writeString(file, "[\n  {\"ParameterKey\": \"LogGroupArn\", \"ParameterValue\": \"\"}\n]\n");
        Cli.Run fromFile = Cli.run("scan", "-f", "json", "--parameters-file", file.toString(), template);
        JsonNode related = JSON.readTree(fromFile.out()).path("findings").get(0).path("related").get(0);
        assertEquals(2, related.path("line").asInt());
        assertEquals(53, related.path("column").asInt());

        Path previous = temp.resolve("previous.json");
        Files.writeString(previous, "[{\"ParameterKey\": \"LogGroupArn\", \"UsePreviousValue\": true}]\n");
        Cli.Run keep = Cli.run("scan", "--parameters-file", previous.toString(), template);
        assertEquals(ExitCodes.CLEAN, keep.exitCode(), "the stack's previous value is unknown, not empty: " + keep.out());

        Path lines = temp.resolve("params.env");
        Files.writeString(lines, "# chosen per account\nLogGroupArn=" + arn + "\n");
        assertEquals(ExitCodes.CLEAN, Cli.run("scan", "--parameters-file", lines.toString(), template).exitCode());

        Cli.Run broken = Cli.run("scan", "--parameters-file", lines.resolveSibling("nope.json").toString(), template);
        assertEquals(ExitCodes.ERROR, broken.exitCode());
        assertTrue(broken.err().strip().endsWith("nope.json: no such file or directory"), broken.err());
    }

    @Test
    void excludedPathsAreNotScanned() {
        Cli.Run all = Cli.run("scan", "-q", "testdata/mixed");
        assertEquals(ExitCodes.ERROR, all.exitCode());
        Cli.Run excluded = Cli.run("scan", "-q", "--exclude", "*broken*", "testdata/mixed");
        assertEquals(ExitCodes.FINDINGS, excluded.exitCode(), excluded.err());
        assertEquals("", excluded.err());
        Cli.Run folder = Cli.run("scan", "-q", "--exclude", "testdata/mixed", "--exclude", "testdata/bad",
                "--exclude", "testdata/hcl/invalid", "--exclude", "testdata/terraform/cycle", "testdata");
        assertEquals(ExitCodes.FINDINGS, folder.exitCode(), folder.err());
        assertTrue(folder.out().lines().noneMatch(l -> l.startsWith("testdata/mixed/")), folder.out());
    }

    @Test
    void reportGoesToTheOutputFileWhenAsked() throws IOException {
        Path report = temp.resolve("report.json");
        Cli.Run run = Cli.run("scan", "-f", "json", "-o", report.toString(), MISSING);
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        assertEquals("", run.out());
        JsonNode written = JSON.readTree(Files.readString(report, StandardCharsets.UTF_8));
        assertEquals(1, written.path("findings").size());
    }

    @Test
    void severalFormatsFromOneRunWriteTheSameBytesAsSeparateRuns() throws IOException {
        Path json = temp.resolve("report.json");
        Path sarif = temp.resolve("report.sarif");
        Path github = temp.resolve("annotations.txt");
        Cli.Run run = Cli.run("scan", "-f", "text", "--format", "json=" + json, "-f", "sarif=" + sarif,
                "--format=github=" + github, MISSING);
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        assertEquals(List.of(MISSING_LINE), run.outLines(), "text, the one without a file, is stdout's");
        assertEquals("trailwatch: 1 file, 2 resources, 1 trail: 1 finding, 0 errors", run.err().strip(),
                "one scan: one summary");
        assertEquals(Cli.run("scan", "-f", "json", MISSING).out(), Files.readString(json, StandardCharsets.UTF_8));
        assertEquals(Cli.run("scan", "-f", "sarif", MISSING).out(), Files.readString(sarif, StandardCharsets.UTF_8));
        assertEquals(Cli.run("scan", "-f", "github", MISSING).out(),
                Files.readString(github, StandardCharsets.UTF_8));
        assertTrue(Files.readString(github, StandardCharsets.UTF_8).startsWith("::error file=" + MISSING + ",line=7,"));
    }

    @Test
    void severalFormatsAllToFilesLeaveStdoutEmptyAndInputErrorsAreReportedOnce() throws IOException {
        Path json = temp.resolve("r.json");
        Path junit = temp.resolve("r.xml");
        Cli.Run run = Cli.run("scan", "-f", "json=" + json, "-f", "junit=" + junit, MISSING,
                "testdata/bad/alias.yaml");
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().filter(l -> l.startsWith("testdata/bad/alias.yaml:9:17: error: ")).count(),
                run.err());
        JsonNode written = JSON.readTree(Files.readString(json, StandardCharsets.UTF_8));
        assertEquals(1, written.path("findings").size());
        assertEquals(1, written.path("errors").size());
        assertTrue(Files.readString(junit, StandardCharsets.UTF_8).contains("TW001"));
    }

    @Test
    void outputTakesTheFormatGivenWithoutAFile() throws IOException {
        Path json = temp.resolve("out.json");
        Path sarif = temp.resolve("out.sarif");
        Cli.Run run = Cli.run("scan", "-o", json.toString(), "-f", "json", "-f", "sarif=" + sarif, MISSING);
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, JSON.readTree(Files.readString(json, StandardCharsets.UTF_8)).path("findings").size());
        assertEquals(1, JSON.readTree(Files.readString(sarif, StandardCharsets.UTF_8)).path("runs").get(0)
                .path("results").size());
        Cli.Run dash = Cli.run("scan", "-f", "json=" + temp.resolve("d.json"), "-f", "text=-", MISSING);
        assertEquals(List.of(MISSING_LINE), dash.outLines(), "FORMAT=- is stdout");
    }

    @Test
    void severalFormatsThatCannotAllBeWrittenAreUsageErrors() {
        Path json = temp.resolve("never.json");
        List<List<String>> cases = List.of(
                List.of("-f", "text", "-f", "json", "-f", "sarif=" + json),
                List.of("-f", "json=", "-f", "sarif=" + json),
                List.of("-f", "json=" + json, "-f", "sarif=" + json),
                List.of("-o", json.toString(), "-f", "json=" + temp.resolve("a.json")),
                List.of("-f", "xml=" + json));
        List<String> messages = List.of(
                "trailwatch: at most one --format may write to standard output; give the others a file"
                        + " (--format FORMAT=FILE)",
                "trailwatch: --format json=: FILE is empty (FORMAT=FILE, or FORMAT=- for stdout)",
                "trailwatch: two reports would be written to " + json,
                "trailwatch: --output " + json + " names no report: every --format has its own =FILE",
                "trailwatch: unknown --format 'xml'; one of: text, json, sarif, junit, github, checkstyle,"
                        + " gitlab-codequality");
        for (int i = 0; i < cases.size(); i++) {
            List<String> args = new java.util.ArrayList<>(List.of("scan"));
            args.addAll(cases.get(i));
            args.add(MISSING);
            Cli.Run run = Cli.run(args.toArray(new String[0]));
            assertEquals(ExitCodes.ERROR, run.exitCode(), args.toString());
            assertEquals("", run.out(), args.toString());
            assertEquals(messages.get(i), run.err().strip(), args.toString());
            assertFalse(Files.exists(json), "nothing is written when the command line is wrong: " + args);
        }
    }

    @Test
    void standardInputIsScannedUnderTheGivenName() {
        String template = "Resources:\n  StdinTrail:\n    Type: AWS::CloudTrail::Trail\n";
        Cli.Run run = Cli.runWithInput(template, "scan", "--stdin-filename", "infra/trail.yaml", "-");
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        assertEquals(List.of("infra/trail.yaml:2:3: error TW001 StdinTrail is not integrated with CloudWatch Logs:"
                + " CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn are not set"), run.outLines());
    }

    @Test
    void strictAlsoReportsWhatCouldNotBeKnown() {
        String template = "testdata/cloudformation/parameters.yaml";
        Cli.Run plain = Cli.run("scan", "-q", template);
        assertTrue(plain.outLines().stream().noneMatch(l -> l.contains("TW000")), plain.out());
        Cli.Run strict = Cli.run("scan", "-q", "--strict", "--rules", "TW000", template);
        assertEquals(List.of(template + ":17:7: note TW000 ParameterTrail's CloudWatchLogsRoleArn is not known"
                + " statically: parameter RoleArn has no Default and no --parameter value"), strict.outLines());
        assertEquals(ExitCodes.CLEAN, strict.exitCode(), "notes block nothing by default");
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "-q", "--strict", "--rules", "TW000", "--fail-on", "note",
                template).exitCode());
    }

    @Test
    void strictReportsAnUnknownPartOfAStringBuiltFromParts() {
        String tf = "variable \"account\" {}\nresource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n"
                + "  cloud_watch_logs_group_arn = \"arn:aws:logs:us-east-1:${var.account}:log-group:audit:*\"\n"
                + "  cloud_watch_logs_role_arn  = \"arn:aws:iam::123456789012:role/trail\"\n}\n";
        Cli.Run run = Cli.runWithInput(tf, "scan", "-q", "--strict", "--rules", "TW000", "--stdin-filename", "main.tf",
                "-");
        assertEquals(List.of("main.tf:4:3: note TW000 aws_cloudtrail.t's cloud_watch_logs_group_arn is not known"
                + " statically: variable account has no default and no value"
                + " (in \"arn:aws:logs:us-east-1:…:log-group:audit:*\")"), run.outLines());
    }

    @Test
    void standardInputAndFilesTogether() {
        String template = "Resources:\n  StdinTrail:\n    Type: AWS::CloudTrail::Trail\n";
        Cli.Run run = Cli.runWithInput(template, "scan", "-q", "--stdin-filename", "piped.yaml", "-", MISSING);
        assertEquals(List.of("piped.yaml:2:3: error TW001 StdinTrail is not integrated with CloudWatch Logs:"
                + " CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn are not set", MISSING_LINE), run.outLines());
    }

    @Test
    void anUnsavedTerraformBufferIsEvaluatedWithItsFolder() {
        String buffer = "resource \"aws_cloudtrail\" \"buffer\" {\n  name = \"x\"\n"
                + "  cloud_watch_logs_group_arn = \"arn:aws:logs:eu-west-1:123456789012:log-group:a:*\"\n"
                + "  cloud_watch_logs_role_arn  = var.trail_role_arn\n}\n";
        Cli.Run run = Cli.runWithInput(buffer, "scan", "-q", "--rules", "TW001", "--stdin-filename",
                "testdata/terraform/basic/unsaved.tf", "-");
        assertTrue(run.outLines().contains("testdata/terraform/basic/unsaved.tf:4:3: error TW001 aws_cloudtrail.buffer is"
                + " not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is empty (from the default of"
                + " variable trail_role_arn)"), run.out());
    }

    @Test
    void showSourcePrintsTheLineAndACaret() {
        Cli.Run run = Cli.run("scan", "-q", "--rules", "TW001", "--show-source",
                "testdata/cloudformation/empty-values.yaml");
        List<String> lines = run.outLines();
        assertEquals("testdata/cloudformation/empty-values.yaml:8:7: error TW001 EmptyStringTrail is not integrated"
                + " with CloudWatch Logs: CloudWatchLogsLogGroupArn is empty; CloudWatchLogsRoleArn is null", lines.get(0));
        assertTrue(lines.get(1).startsWith("          CloudWatchLogsLogGroupArn: \"\""), lines.get(1));
        assertEquals("          ^", lines.get(2));
        assertTrue(run.out().indexOf('\u001b') < 0, "no colour when stdout is not a terminal");
    }

    @Test
    void rulesExplainVersionAndHelp() {
        Cli.Run rules = Cli.run("rules");
        assertEquals(ExitCodes.CLEAN, rules.exitCode());
        assertTrue(rules.out().contains("TW001   error"), rules.out());
        assertTrue(rules.out().contains("CKV2_AWS_10"), rules.out());

        Cli.Run explain = Cli.run("explain", "TW001");
        assertEquals(ExitCodes.CLEAN, explain.exitCode());
        assertTrue(explain.out().startsWith("TW001: CloudTrail trail not integrated with CloudWatch Logs"));
        assertTrue(explain.out().contains("aws cloudtrail update-trail"));

        Cli.Run unknown = Cli.run("explain", "TW999");
        assertEquals(ExitCodes.ERROR, unknown.exitCode());
        assertEquals("trailwatch: unknown rule 'TW999'; `trailwatch rules` lists them", unknown.err().strip());

        Cli.Run version = Cli.run("--version");
        assertEquals(ExitCodes.CLEAN, version.exitCode());
        assertEquals(List.of("trailwatch " + dev.trailwatch.Version.VALUE,
                "Apache License 2.0; bundled libraries and their licences: NOTICE"), version.outLines());
        Cli.Run scanVersion = Cli.run("scan", "-V");
        assertEquals(ExitCodes.CLEAN, scanVersion.exitCode());
        assertEquals(version.outLines(), scanVersion.outLines());

        Cli.Run help = Cli.run("scan", "--help");
        assertEquals(ExitCodes.CLEAN, help.exitCode());
        assertTrue(help.out().contains("--fail-on") && help.out().contains("Exit codes:"), help.out());
        assertEquals("", help.err());
    }

    @Test
    void versionMatchesThePom() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<version>" + dev.trailwatch.Version.VALUE + "</version>"),
                "Version.VALUE and pom.xml's version differ");
    }
}

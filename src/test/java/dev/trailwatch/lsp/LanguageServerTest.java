package dev.trailwatch.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.trailwatch.source.Range;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trailwatch lsp} driven by lsp4j's client side, as an editor drives it. */
class LanguageServerTest {
    private static final String UNINTEGRATED_TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              AuditBucket:
                Type: AWS::S3::Bucket
              AuditTrail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: !Ref AuditBucket
            """;
    private static final String TW001_HELP =
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html";
    private static final String TRAIL_TF = """
            resource "aws_cloudtrail" "audit" {
              name                       = "audit"
              s3_bucket_name             = "logs"
              cloud_watch_logs_group_arn = var.enabled ? "arn:aws:logs:us-east-1:123456789012:log-group:audit:*" : null
              cloud_watch_logs_role_arn  = var.enabled ? "arn:aws:iam::123456789012:role/trail" : null
            }
            """;

    @TempDir
    Path root;

    private static String variables(boolean enabled) {
        return "variable \"enabled\" {\n  type    = bool\n  default = " + enabled + "\n}\n";
    }

    @Test
    void aTemplateOpenedShowsItsFindingWithRuleSeverityHelpAndPosition() throws Exception {
        Path template = write("trail.yaml", UNINTEGRATED_TEMPLATE);
        try (LspSession session = new LspSession()) {
            InitializeResult init = session.initialize(root, null);
            assertEquals("trailwatch", init.getServerInfo().getName());
            session.open(template, UNINTEGRATED_TEMPLATE);

            PublishDiagnosticsParams published = session.next(template);
            assertEquals(1, published.getVersion());
            Diagnostic d = only(published);
            assertEquals("TW001", d.getCode().getLeft());
            assertEquals("trailwatch", d.getSource());
            assertEquals(DiagnosticSeverity.Error, d.getSeverity());
            assertEquals(TW001_HELP, d.getCodeDescription().getHref());
            assertEquals("AuditTrail is not integrated with CloudWatch Logs: CloudWatchLogsLogGroupArn and"
                    + " CloudWatchLogsRoleArn are not set", d.getMessage());
            assertEquals(new Position(4, 2), d.getRange().getStart()); // line 5, column 3 as the CLI says
            assertNull(d.getTags());
        }
    }

    @Test
    void anUnsavedChangeIsAnalysedAsTypedAndAVanishedFindingIsCleared() throws Exception {
        Path template = write("trail.yaml", UNINTEGRATED_TEMPLATE);
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(template, UNINTEGRATED_TEMPLATE);
            assertEquals(1, session.next(template).getDiagnostics().size());

            String integrated = UNINTEGRATED_TEMPLATE.replace("      IsLogging: true\n", """
                          IsLogging: true
                          CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
                          CloudWatchLogsRoleArn: !GetAtt TrailRole.Arn
                    """);
            session.change(template, 2, integrated);
            PublishDiagnosticsParams after = session.next(template);
            assertEquals(2, after.getVersion());
            // The log group and role are not declared: other rules speak, TW001 no longer does.
            assertTrue(after.getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("TW001")),
                    after.toString());

            session.change(template, 3, "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n");
            PublishDiagnosticsParams cleared = session.next(template);
            assertEquals(3, cleared.getVersion());
            assertEquals(List.of(), cleared.getDiagnostics());
        }
    }

    @Test
    void changesInQuickSuccessionAreAnalysedOnceAsTheLastLeftTheBuffer() throws Exception {
        Path template = write("trail.yaml", UNINTEGRATED_TEMPLATE);
        JsonObject slowTypist = new JsonObject();
        slowTypist.addProperty("debounceMs", 2000); // long: a loaded machine may pause between sends
        try (LspSession session = new LspSession()) {
            session.initialize(root, slowTypist);
            session.open(template, UNINTEGRATED_TEMPLATE);
            assertEquals(1, session.next(template).getVersion());
            for (int version = 2; version <= 6; version++) {
                session.change(template, version, UNINTEGRATED_TEMPLATE.replace("AuditTrail", "Trail" + version));
            }
            PublishDiagnosticsParams last = session.next(template);
            assertEquals(6, last.getVersion(), "versions 2 to 5 were never analysed");
            assertTrue(only(last).getMessage().startsWith("Trail6 is not integrated"), last.toString());
        }
    }

    @Test
    void aSyntaxErrorMidTypingIsOneDiagnosticAndTheOtherFilesKeepTheirFindings() throws Exception {
        Path variables = write("variables.tf", variables(false));
        Path main = write("main.tf", TRAIL_TF);
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(main, TRAIL_TF);
            Diagnostic finding = only(session.next(main));
            assertEquals("TW001", finding.getCode().getLeft());
            assertEquals(new Position(3, 2), finding.getRange().getStart());
            // The default that made it null is related information, in variables.tf (not open).
            var related = finding.getRelatedInformation().get(0);
            assertEquals(LspSession.uri(variables), related.getLocation().getUri());
            assertEquals(new Position(2, 2), related.getLocation().getRange().getStart());
            assertTrue(related.getMessage().startsWith("cloud_watch_logs_group_arn gets its value from condition"),
                    related.getMessage());

            session.open(variables, variables(false));
            PublishDiagnosticsParams ofVariables = session.next(variables);
            assertEquals(List.of(), ofVariables.getDiagnostics());

            session.change(variables, 2, "variable \"enabled\" {\n  type = bool\n  default = \n");
            Diagnostic error = only(session.next(variables));
            assertEquals(DiagnosticSeverity.Error, error.getSeverity());
            assertEquals(new Position(2, 12), error.getRange().getStart()); // where the value is missing: 3:13
            assertNull(session.publishedWithin(main, 500), "main.tf keeps its last good findings");
        }
    }

    @Test
    void editingVariablesRepublishesTheFilesWhoseFindingsChangedOpenOrNot() throws Exception {
        Path variables = write("variables.tf", variables(true));
        Path main = write("main.tf", TRAIL_TF);
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(variables, variables(true));
            assertEquals(List.of(), session.next(variables).getDiagnostics());

            session.change(variables, 2, variables(false));
            assertEquals(List.of(), session.next(variables).getDiagnostics());
            Diagnostic appeared = only(session.next(main)); // main.tf is not open
            assertEquals("TW001", appeared.getCode().getLeft());
            assertTrue(appeared.getMessage().contains("false because of the default of variable enabled"),
                    appeared.getMessage());

            session.change(variables, 3, variables(true));
            session.next(variables);
            assertEquals(List.of(), session.next(main).getDiagnostics(), "the vanished finding is cleared");
        }
    }

    @Test
    void aModulesBufferIsEvaluatedThroughTheConfigurationThatCallsIt() throws Exception {
        Path module = write("modules/trail/main.tf", TRAIL_TF);
        write("modules/trail/variables.tf", variables(true));
        write("main.tf", "module \"audit\" {\n  source  = \"./modules/trail\"\n  enabled = false\n}\n");
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(module, TRAIL_TF);
            Diagnostic finding = only(session.next(module));
            assertEquals("TW001", finding.getCode().getLeft());
            assertTrue(finding.getMessage().contains("module.audit.aws_cloudtrail.audit"), finding.getMessage());
        }
    }

    @Test
    void savingTfvarsEvaluatesTheFolderAgain() throws Exception {
        write("variables.tf", variables(true));
        Path main = write("main.tf", TRAIL_TF);
        Path tfvars = write("terraform.tfvars", "enabled = true\n");
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(main, TRAIL_TF);
            assertEquals(List.of(), session.next(main).getDiagnostics());
            session.open(tfvars, "enabled = true\n");
            session.next(tfvars);

            Files.writeString(tfvars, "enabled = false\n");
            session.change(tfvars, 2, "enabled = false\n");
            session.save(tfvars, "enabled = false\n");
            PublishDiagnosticsParams republished = session.next(main);
            while (republished.getDiagnostics().isEmpty()) { // the change's syntax check may publish first
                republished = session.next(main);
            }
            Diagnostic d = only(republished);
            assertTrue(d.getMessage().contains("false because of terraform.tfvars"), d.getMessage());
        }
    }

    @Test
    void editingTfvarsEvaluatesTheFolderWithTheUnsavedText() throws Exception {
        write("variables.tf", variables(true));
        Path main = write("main.tf", TRAIL_TF);
        Path tfvars = write("terraform.tfvars", "enabled = true\n");
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(main, TRAIL_TF);
            assertEquals(List.of(), session.next(main).getDiagnostics());
            session.open(tfvars, "enabled = true\n");

            session.change(tfvars, 2, "enabled = false\n"); // not saved: the disk still says true
            PublishDiagnosticsParams republished = session.next(main);
            while (republished.getDiagnostics().isEmpty()) {
                republished = session.next(main);
            }
            Diagnostic d = only(republished);
            assertEquals("TW001", d.getCode().getLeft());
            assertTrue(d.getMessage().contains("false because of terraform.tfvars"), d.getMessage());
            assertEquals("enabled = true\n", Files.readString(tfvars));

            session.change(tfvars, 3, "enabled = true\n");
            assertEquals(List.of(), session.next(main).getDiagnostics());
        }
    }

    @Test
    void aFileChangedOnDiskUpdatesTheOpenFilesItConcerns() throws Exception {
        Path variables = write("variables.tf", variables(true));
        Path main = write("main.tf", TRAIL_TF);
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(main, TRAIL_TF);
            assertEquals(List.of(), session.next(main).getDiagnostics());

            Files.writeString(variables, variables(false)); // a git checkout, another editor
            watched(session, variables, org.eclipse.lsp4j.FileChangeType.Changed);
            assertEquals("TW001", only(session.next(main)).getCode().getLeft());
        }
    }

    @Test
    void aTemplateDeletedOnDiskLosesItsDiagnostics() throws Exception {
        Path template = write("trail.yaml", UNINTEGRATED_TEMPLATE);
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            watched(session, template, org.eclipse.lsp4j.FileChangeType.Created);
            assertEquals(1, session.next(template).getDiagnostics().size());
            Files.delete(template);
            watched(session, template, org.eclipse.lsp4j.FileChangeType.Deleted);
            assertEquals(List.of(), session.next(template).getDiagnostics());
        }
    }

    private static void watched(LspSession session, Path file, org.eclipse.lsp4j.FileChangeType change) {
        session.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
                List.of(new org.eclipse.lsp4j.FileEvent(LspSession.uri(file), change))));
    }

    @Test
    void theProjectFileSetsSeveritiesAndSuppressions() throws Exception {
        write(".trailwatch.yml", "rules:\n  TW001: warning\n");
        Path template = write("trail.yaml", UNINTEGRATED_TEMPLATE);
        Path other = write("sub/other.yaml", UNINTEGRATED_TEMPLATE);
        write("sub/.trailwatch.yml", """
                suppressions:
                  - id: TW001
                    resource: AuditTrail
                    reason: replaced next quarter
                """);
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(template, UNINTEGRATED_TEMPLATE);
            assertEquals(DiagnosticSeverity.Warning, only(session.next(template)).getSeverity());
            session.open(other, UNINTEGRATED_TEMPLATE);
            assertEquals(List.of(), session.next(other).getDiagnostics(), "the nearest project file suppresses it");
        }
    }

    @Test
    void aBaselineNamedByTheProjectFileHidesTheFindingsItRecords() throws Exception {
        Path template = write("trail.yaml", UNINTEGRATED_TEMPLATE);
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.trailwatch.cli.Main.run(new String[] {"scan", "-q", "--write-baseline",
            root.resolve("baseline.json").toString(), template.toString()}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err), new java.io.ByteArrayInputStream(new byte[0]));
        assertEquals(1, code, err.toString());
        write(".trailwatch.yml", "baseline: baseline.json\n");
        String twoTrails = UNINTEGRATED_TEMPLATE + """
                  NewTrail:
                    Type: AWS::CloudTrail::Trail
                    Properties:
                      IsLogging: true
                      S3BucketName: !Ref AuditBucket
                """;
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(template, twoTrails);
            Diagnostic onlyTheNewOne = only(session.next(template));
            assertTrue(onlyTheNewOne.getMessage().startsWith("NewTrail is not integrated"), onlyTheNewOne.getMessage());
        }
    }

    @Test
    void strictAsAnInitializationOptionReportsUnknownValues() throws Exception {
        String imported = UNINTEGRATED_TEMPLATE.replace("      IsLogging: true\n", """
                      IsLogging: true
                      CloudWatchLogsLogGroupArn: !ImportValue shared-log-group-arn
                      CloudWatchLogsRoleArn: !ImportValue shared-role-arn
                """);
        Path template = write("trail.yaml", imported);
        try (LspSession plain = new LspSession()) {
            plain.initialize(root, null);
            plain.open(template, imported);
            assertTrue(plain.next(template).getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("TW000")));
        }
        JsonObject strict = new JsonObject();
        strict.addProperty("strict", true);
        try (LspSession session = new LspSession()) {
            session.initialize(root, strict);
            session.open(template, imported);
            List<Diagnostic> diagnostics = session.next(template).getDiagnostics();
            assertTrue(diagnostics.stream().anyMatch(d -> d.getCode().getLeft().equals("TW000")
                    && d.getSeverity() == DiagnosticSeverity.Information), diagnostics.toString());
        }
    }

    @Test
    void hoverOnAFindingExplainsTheRuleInMarkdown() throws Exception {
        Path template = write("trail.yaml", UNINTEGRATED_TEMPLATE);
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(template, UNINTEGRATED_TEMPLATE);
            session.next(template);
            Hover hover = session.server.getTextDocumentService().hover(new HoverParams(
                    new TextDocumentIdentifier(LspSession.uri(template)), new Position(4, 5))).get(30, TimeUnit.SECONDS);
            assertEquals("markdown", hover.getContents().getRight().getKind());
            String text = hover.getContents().getRight().getValue();
            assertTrue(text.startsWith("**TW001 "), text);
            assertTrue(text.contains("AuditTrail is not integrated with CloudWatch Logs"), text);
            assertTrue(text.contains("TW001: CloudTrail trail not integrated with CloudWatch Logs (error)"), text);

            Hover nothing = session.server.getTextDocumentService().hover(new HoverParams(
                    new TextDocumentIdentifier(LspSession.uri(template)), new Position(2, 3))).get(30, TimeUnit.SECONDS);
            assertNull(nothing, "no finding on AuditBucket");
        }
    }

    @Test
    void theSuppressActionInsertsTheCommentThatTW100AsksAReasonForUntilOneIsWritten() throws Exception {
        Path main = write("main.tf", TRAIL_TF);
        write("variables.tf", variables(false));
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(main, TRAIL_TF);
            Diagnostic finding = only(session.next(main));

            List<CodeAction> actions = actions(session, main, finding);
            assertEquals(1, actions.size(), actions.toString());
            CodeAction suppress = actions.get(0);
            assertEquals("quickfix", suppress.getKind());
            String suppressed = apply(TRAIL_TF, suppress.getEdit().getChanges().get(LspSession.uri(main)));
            assertEquals(TRAIL_TF.replace("  cloud_watch_logs_group_arn",
                    "  # trailwatch:ignore TW001\n  cloud_watch_logs_group_arn"), suppressed);

            session.change(main, 2, suppressed);
            List<Diagnostic> withoutReason = session.next(main).getDiagnostics();
            assertEquals(List.of("TW100", "TW001"), withoutReason.stream().map(d -> d.getCode().getLeft()).toList());
            assertEquals(new Position(3, 2), withoutReason.get(0).getRange().getStart());
            assertEquals("the suppression of aws_cloudtrail.audit does not apply: it gives no reason",
                    withoutReason.get(0).getMessage());

            session.change(main, 3, suppressed.replace("TW001\n", "TW001 the account's SIEM reads the bucket\n"));
            assertEquals(List.of(), session.next(main).getDiagnostics());
        }
    }

    @Test
    void quickFixesFromTheFixerBecomeWorkspaceEditsAcrossFiles() throws Exception {
        Path template = write("trail.yaml", UNINTEGRATED_TEMPLATE);
        Path elsewhere = root.resolve("logs.yaml");
        QuickFixes fixer = (finding, file, texts) -> List.of(new QuickFixes.Fix("Integrate " + finding.resource().name(),
                List.of(new QuickFixes.FileEdit(template, Range.of(8, 1, 8, 1), "      CloudWatchLogsLogGroupArn: x\n"),
                        new QuickFixes.FileEdit(elsewhere, Range.of(1, 1, 1, 1), "# log group\n"))));
        try (LspSession session = new LspSession(fixer)) {
            session.initialize(root, null);
            session.open(template, UNINTEGRATED_TEMPLATE);
            Diagnostic finding = only(session.next(template));
            List<CodeAction> actions = actions(session, template, finding);
            assertEquals(List.of("Integrate AuditTrail", "Suppress TW001 here (then write the reason after the id)"),
                    actions.stream().map(CodeAction::getTitle).toList());
            CodeAction fix = actions.get(0);
            assertTrue(fix.getIsPreferred());
            assertEquals(UNINTEGRATED_TEMPLATE.replace("      IsLogging", "      CloudWatchLogsLogGroupArn: x\n      IsLogging"),
                    apply(UNINTEGRATED_TEMPLATE, fix.getEdit().getChanges().get(LspSession.uri(template))));
            assertEquals("# log group\n", apply("", fix.getEdit().getChanges().get(LspSession.uri(elsewhere))));
        }
    }

    /** The quick fix of the shipped server is the --fix edit: applied to the buffer, it gives scan --fix's bytes. */
    @Test
    void theQuickFixAppliedToTheBufferGivesWhatScanFixWrites() throws Exception {
        String before = java.nio.file.Files.readString(Path.of("testdata/fix/cloudformation/crlf.yaml"));
        String after = java.nio.file.Files.readString(Path.of("testdata/fix/cloudformation/crlf.fixed.yaml"));
        Path template = write("trail.yaml", before);
        try (LspSession session = new LspSession(new FixerQuickFixes())) {
            session.initialize(root, null);
            session.open(template, before);
            Diagnostic finding = only(session.next(template));
            assertEquals("TW001", finding.getCode().getLeft());
            CodeAction fix = actions(session, template, finding).get(0);
            assertTrue(fix.getIsPreferred(), fix.getTitle());
            assertEquals(after, apply(before, fix.getEdit().getChanges().get(LspSession.uri(template))));

            session.change(template, 2, after);
            // What --fix leaves: the trail delivers now, and no alarm watches its log group yet (TW004).
            assertEquals(List.of("TW004"), session.next(template).getDiagnostics().stream()
                    .map(d -> d.getCode().getLeft()).toList());
        }
    }

    @Test
    void aDocumentThatIsNoFileIsLeftAlone() throws Exception {
        Path template = write("trail.yaml", UNINTEGRATED_TEMPLATE);
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.server.getTextDocumentService().didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(
                    new org.eclipse.lsp4j.TextDocumentItem("untitled:Untitled-1", "yaml", 1, UNINTEGRATED_TEMPLATE)));
            Hover hover = session.server.getTextDocumentService().hover(new HoverParams(
                    new TextDocumentIdentifier("untitled:Untitled-1"), new Position(4, 5))).get(30, TimeUnit.SECONDS);
            assertNull(hover);
            session.open(template, UNINTEGRATED_TEMPLATE);
            assertEquals(1, session.next(template).getDiagnostics().size());
            assertEquals("", session.serverLog());
        }
    }

    @Test
    void shutdownThenExitEndsInOrderAndExitAloneDoesNot() throws Exception {
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.server.shutdown().get(30, TimeUnit.SECONDS);
            session.server.exit();
            assertTrue(session.endedWithin(30));
        }
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.server.exit();
            assertFalse(session.endedWithin(30), "exit without shutdown is exit code 1 by the protocol");
        }
    }

    @Test
    void aClientThatGoesAwayEndsTheServer() throws Exception {
        Path template = write("trail.yaml", UNINTEGRATED_TEMPLATE);
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            session.open(template, UNINTEGRATED_TEMPLATE);
            session.disconnect();
            assertFalse(session.endedWithin(30));
        }
    }

    @Test
    void theServerEndsWhenTheEditorsProcessEndsThoughThePipeStaysOpen() throws Exception {
        Process editor = new ProcessBuilder("sleep", "120").start();
        try (LspSession session = new LspSession()) {
            session.initialize(root, null, (int) editor.pid());
            editor.destroy();
            assertFalse(session.endedWithin(30));
        } finally {
            editor.destroyForcibly();
        }
    }

    @Test
    void aMalformedMessageIsAnsweredAndTheServerCarriesOn() throws Exception {
        Path template = write("trail.yaml", UNINTEGRATED_TEMPLATE);
        try (LspSession session = new LspSession()) {
            session.initialize(root, null);
            byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"textDocument/hover\",\"params\":{[".getBytes(
                    StandardCharsets.UTF_8);
            session.sendRaw(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            session.sendRaw(body);
            session.open(template, UNINTEGRATED_TEMPLATE);
            assertEquals(1, session.next(template).getDiagnostics().size());
            assertFalse(session.serverLog().contains("\tat "), "no stack trace: " + session.serverLog());
        }
    }

    @Test
    void garbageInsteadOfTheProtocolEndsTheServerWithoutAStackTrace() throws Exception {
        try (LspSession session = new LspSession()) {
            session.sendRaw("this is not the language server protocol\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            session.disconnect();
            assertFalse(session.endedWithin(30));
            assertFalse(session.serverLog().contains("\tat "), "no stack trace: " + session.serverLog());
        }
    }

    private static List<CodeAction> actions(LspSession session, Path file, Diagnostic on) throws Exception {
        List<Either<org.eclipse.lsp4j.Command, CodeAction>> found = session.server.getTextDocumentService()
                .codeAction(new CodeActionParams(new TextDocumentIdentifier(LspSession.uri(file)), on.getRange(),
                        new CodeActionContext(List.of(on)))).get(30, TimeUnit.SECONDS);
        return found.stream().map(Either::getRight).toList();
    }

    /** Applies edits to a text as an editor does: each range in the original text, the last first. */
    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> ordered = new java.util.ArrayList<>(edits);
        ordered.sort((a, b) -> Integer.compare(offset(text, b.getRange().getStart()), offset(text, a.getRange().getStart())));
        String result = text;
        for (TextEdit edit : ordered) {
            result = result.substring(0, offset(text, edit.getRange().getStart())) + edit.getNewText()
                    + result.substring(offset(text, edit.getRange().getEnd()));
        }
        return result;
    }

    private static int offset(String text, Position position) {
        int offset = 0;
        for (int line = 0; line < position.getLine(); line++) {
            int next = text.indexOf('\n', offset);
            offset = next < 0 ? text.length() : next + 1;
        }
        return Math.min(text.length(), offset + position.getCharacter());
    }

    private static Diagnostic only(PublishDiagnosticsParams published) {
        assertEquals(1, published.getDiagnostics().size(), published.toString());
        return published.getDiagnostics().get(0);
    }

    private Path write(String name, String text) throws Exception {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}

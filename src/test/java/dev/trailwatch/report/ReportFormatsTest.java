package dev.trailwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.testing.Cli;
import dev.trailwatch.testing.ExpectedFindings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output format, on the same fixtures, byte for byte; and what GitHub and editors need of them. */
class ReportFormatsTest {
    private static final String[] INPUTS = {"testdata/suppress", "testdata/rules/terraform/logging",
        "testdata/cloudformation/role-missing.json"};
    private static final Map<String, String> GOLDEN = Map.of("text", "report.txt", "json", "report.json",
            "sarif", "report.sarif", "junit", "report.junit.xml", "github", "report.github.txt",
            "checkstyle", "report.checkstyle.xml", "gitlab-codequality", "report.gitlab-codequality.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String scan(String format) {
        String[] args = new String[INPUTS.length + 4];
        args[0] = "scan";
        args[1] = "-q";
        args[2] = "-f";
        args[3] = format;
        System.arraycopy(INPUTS, 0, args, 4, INPUTS.length);
        Cli.Run run = Cli.run(args);
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
        return run.out();
    }

    @Test
    void everyFormatMatchesItsGoldenFile() throws IOException {
        String project = Path.of("").toAbsolutePath().toUri().toString();
        for (Map.Entry<String, String> format : GOLDEN.entrySet()) {
            String expected = Files.readString(Path.of("testdata/golden", format.getValue()), StandardCharsets.UTF_8);
            String actual = scan(format.getKey()).replace(project, "file:///PROJECT/");
            assertEquals(expected, actual, format.getKey());
        }
    }

    @Test
    void gitlabCodeQualityHasEveryFieldGitLabDocuments() throws IOException {
        JsonNode issues = JSON.readTree(scan("gitlab-codequality"));
        assertTrue(issues.isArray() && issues.size() > 0);
        java.util.Set<String> fingerprints = new java.util.HashSet<>();
        for (JsonNode issue : issues) {
            assertTrue(issue.path("description").asText().matches("TW\\d{3}: .+"), issue.toString());
            assertTrue(issue.path("check_name").asText().matches("trailwatch\\.TW\\d{3}"), issue.toString());
            assertTrue(List.of("info", "minor", "major", "critical", "blocker").contains(issue.path("severity").asText()));
            assertFalse(issue.path("location").path("path").asText().isEmpty());
            assertTrue(issue.path("location").path("lines").path("begin").asInt() >= 1);
            assertTrue(fingerprints.add(issue.path("fingerprint").asText()), "fingerprints are unique");
        }
    }

    @Test
    void inputErrorsAppearInGithubCheckstyleAndGitlabReports() throws IOException {
        String bad = "testdata/bad/malformed.json";
        String message = "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries";
        Cli.Run github = Cli.run("scan", "-q", "-f", "github", bad);
        assertEquals(ExitCodes.ERROR, github.exitCode());
        assertEquals(List.of("::error file=" + bad + ",line=4,col=48,title=trailwatch%3A input error::" + message),
                github.outLines());
        Cli.Run checkstyle = Cli.run("scan", "-q", "-f", "checkstyle", bad);
        assertTrue(checkstyle.out().contains("<file name=\"" + bad + "\">\n    <error line=\"4\" column=\"48\""
                + " severity=\"error\" message=\"" + Xml.escape(message) + "\" source=\"trailwatch.input-error\"/>"),
                checkstyle.out());
        JsonNode gitlab = JSON.readTree(Cli.run("scan", "-q", "-f", "gitlab-codequality", bad).out()).get(0);
        assertEquals("trailwatch.input-error", gitlab.path("check_name").asText());
        assertEquals(message, gitlab.path("description").asText());
        assertEquals(bad, gitlab.path("location").path("path").asText());
        assertEquals(4, gitlab.path("location").path("lines").path("begin").asInt());
    }

    @Test
    void sarifHasWhatGitHubCodeScanningRequires() throws IOException {
        JsonNode sarif = JSON.readTree(scan("sarif"));
        assertEquals("2.1.0", sarif.path("version").asText());
        assertEquals(1, sarif.path("runs").size());
        JsonNode run = sarif.path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        for (JsonNode rule : rules) {
            assertTrue(rule.path("id").asText().matches("TW\\d{3}"));
            assertTrue(rule.path("helpUri").asText().startsWith("https://"), rule.toString());
            assertTrue(rule.path("properties").path("security-severity").asText().matches("\\d+\\.\\d"));
            assertTrue(rule.path("shortDescription").path("text").asText().length() > 10);
        }
        JsonNode tw001 = rules.get(1);
        assertEquals("TW001", tw001.path("id").asText());
        assertTrue(tw001.path("properties").path("tags").toString().contains("CIS-AWS-1.4.0/3.4"));
        assertTrue(tw001.path("properties").path("peerIds").toString().contains("CKV2_AWS_10"));
        List<String> suppressed = new java.util.ArrayList<>();
        for (JsonNode result : run.path("results")) {
            JsonNode location = result.path("locations").get(0).path("physicalLocation");
            assertEquals("%SRCROOT%", location.path("artifactLocation").path("uriBaseId").asText());
            assertTrue(location.path("artifactLocation").path("uri").asText().startsWith("testdata/"));
            assertTrue(location.path("region").path("startLine").asInt() >= 1);
            assertTrue(result.path("partialFingerprints").path(SarifReport.FINGERPRINT_KEY).asText().matches("[0-9a-f]{32}"));
            assertEquals(rules.get(result.path("ruleIndex").asInt()).path("id").asText(), result.path("ruleId").asText());
            if (result.has("suppressions")) {
                assertFalse(result.path("suppressions").get(0).path("justification").asText().isBlank(), result.toString());
                suppressed.add(location.path("artifactLocation").path("uri").asText() + ":"
                        + location.path("region").path("startLine").asInt() + " " + result.path("ruleId").asText());
            }
        }
        assertFalse(suppressed.isEmpty(), "testdata/suppress holds suppressions that hold");
        assertEquals(silencedByTheFixtures(), suppressed.stream().sorted().toList(),
                "the suppressed findings are listed, with their suppressions");
    }

    /**
     * The findings a suppression silences, from the fixtures: those the scan gives when it honours
     * no suppression (TW100 aside: it then reports every suppression) that no marker expects.
     */
    private static List<String> silencedByTheFixtures() throws IOException {
        String[] args = new String[INPUTS.length + 5];
        System.arraycopy(new String[] {"scan", "-q", "-f", "json", "--no-inline-suppressions"}, 0, args, 0, 5);
        System.arraycopy(INPUTS, 0, args, 5, INPUTS.length);
        List<String> silenced = new java.util.ArrayList<>();
        java.util.Set<String> files = new java.util.TreeSet<>();
        for (JsonNode f : JSON.readTree(Cli.run(args).out()).path("findings")) {
            if (!f.path("ruleId").asText().equals("TW100")) {
                silenced.add(f.path("file").asText() + ":" + f.path("line").asInt() + " " + f.path("ruleId").asText());
                files.add(f.path("file").asText());
            }
        }
        for (String file : files) {
            for (String expected : ExpectedFindings.of(Path.of(file))) { // "line:column-end RULE message"
                silenced.remove(file + ":" + expected.substring(0, expected.indexOf(':')) + " "
                        + expected.substring(expected.indexOf(' ') + 1, expected.indexOf(' ') + 6));
            }
        }
        return silenced.stream().sorted().toList();
    }

    @Test
    void githubAnnotationsAreEscaped() {
        assertEquals("a%25b%0Ac", GithubReport.data("a%b\nc"));
        assertEquals("x%3Ay%2Cz", GithubReport.property("x:y,z"));
    }

    /** The problemMatcher of the README's VS Code task, applied to real output. */
    @Test
    void vsCodeProblemMatcherReadsRealOutput() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher regexLine = Pattern.compile("\"regexp\": \"(.*)\"").matcher(readme);
        assertTrue(regexLine.find(), "the README shows a problemMatcher regexp");
        Pattern matcher = Pattern.compile(JSON.readValue("\"" + regexLine.group(1) + "\"", String.class));
        List<String> lines = scan("text").lines().toList();
        assertTrue(lines.size() > 5);
        for (String line : lines) {
            Matcher m = matcher.matcher(line);
            assertTrue(m.matches(), line);
            assertTrue(Files.exists(Path.of(m.group(1))), m.group(1));
            assertTrue(Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(3)) >= 1);
            assertTrue(List.of("error", "warning", "note").contains(m.group(4)));
            assertTrue(m.group(5).matches("TW\\d{3}"));
        }
    }

    @Test
    void sarifSaysWhichInputsCouldNotBeRead(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"Resources\": {\"T\": {\"Type\": \"AWS::CloudTrail::Trail\",}}}");
        Cli.Run run = Cli.run("scan", "-q", "-f", "sarif", "--rules", "TW001", broken.toString(),
                "testdata/cloudformation/role-missing.json");
        assertEquals(ExitCodes.ERROR, run.exitCode());
        JsonNode runNode = JSON.readTree(run.out()).path("runs").get(0);
        assertEquals(1, runNode.path("results").size(), "the other file's finding is still reported");
        JsonNode invocation = runNode.path("invocations").get(0);
        assertFalse(invocation.path("executionSuccessful").asBoolean(true));
        JsonNode notification = invocation.path("toolExecutionNotifications").get(0);
        assertEquals("error", notification.path("level").asText());
        JsonNode location = notification.path("locations").get(0).path("physicalLocation");
        assertEquals(broken.toUri().toString(), location.path("artifactLocation").path("uri").asText());
        assertEquals(1, location.path("region").path("startLine").asInt());
        assertEquals(55, location.path("region").path("startColumn").asInt(), "the brace after the trailing comma");
    }
}

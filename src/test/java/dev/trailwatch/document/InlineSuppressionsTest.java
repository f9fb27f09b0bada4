package dev.trailwatch.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailwatch.model.Resource;
import dev.trailwatch.source.Location;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which declaration an inline comment covers, with nested and shared extents. */
class InlineSuppressionsTest {

    private static Resource resource(String address) {
        return new Resource("aws_x", address, address, new Location("main.tf", Range.of(1, 1, 1, 2)), null);
    }

    /** "line:address" of every suppression found, in the order of the file. */
    private static List<String> targets(Map<Resource, Range> extents, String... lines) {
        SourceFile file = new SourceFile(Path.of("main.tf"), "main.tf", String.join("\n", lines) + "\n");
        return InlineSuppressions.scan(file, extents).stream()
                .map(s -> s.location().line() + ":" + s.resource()).toList();
    }

    @Test
    void theDeclarationBelowOrTheInnermostAround() {
        Map<Resource, Range> extents = new LinkedHashMap<>();
        extents.put(resource("outer"), Range.of(2, 1, 12, 2));
        extents.put(resource("inner[0]"), Range.of(5, 3, 8, 4)); // two instances share a declaration
        extents.put(resource("inner[1]"), Range.of(5, 3, 8, 4));
        extents.put(resource("same_start_first"), Range.of(14, 1, 15, 2));
        extents.put(resource("same_start_last"), Range.of(14, 1, 20, 2));
        String[] lines = new String[21];
        Arrays.fill(lines, "x");
        lines[0] = "# trailwatch:ignore TW001 before outer";             // line 1 -> the declaration on line 2
        lines[3] = "  # trailwatch:ignore TW001 before inner";           // line 4 -> inner, both instances
        lines[5] = "    # trailwatch:ignore TW001 in inner";             // line 6 -> inner (nothing starts on 7)
        lines[9] = "  # trailwatch:ignore TW001 after inner";            // line 10 -> outer again
        // line 13 -> the declaration that ended just above: YAML has no closing token, and the comment
        // is indented deeper than that declaration (not than line 14's, which it stands before).
        lines[12] = "     # trailwatch:ignore TW001 deeper than line 14";
        lines[14] = "# trailwatch:ignore TW001 in both";                  // line 15 -> the later of equals
        lines[16] = "# trailwatch:ignore TW001 in the longer one";       // line 17 -> the one still open
        assertEquals(List.of("1:outer", "4:inner[0]", "4:inner[1]", "6:inner[0]", "6:inner[1]", "10:outer", "13:outer",
                "15:same_start_last", "17:same_start_last"), targets(extents, lines));
    }

    @Test
    void ofTwoDeclarationsOnOneLineTheFirstTheCommentIsNotIndentedDeeperThan() {
        Map<Resource, Range> extents = new LinkedHashMap<>();
        extents.put(resource("a"), Range.of(2, 5, 2, 9));
        extents.put(resource("b"), Range.of(2, 12, 2, 20));
        assertEquals(List.of("1:b"), targets(extents, "        # trailwatch:ignore TW001 r", "x   a   b"));
        assertEquals(List.of("1:a"), targets(extents, "# trailwatch:ignore TW001 r", "x   a   b"));
    }

    /** Each TW001 finding of a scanned .tf as {@code address reported} or {@code address suppressed: reason}. */
    private static List<String> tw001(Path dir, String tf) throws IOException {
        Files.writeString(dir.resolve("main.tf"), tf);
        Cli.Run run = Cli.run("scan", "-q", "-f", "json", "--rules", "TW001", dir.toString());
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(run.out()).path("findings")) {
            JsonNode s = f.path("suppressed");
            out.add(f.path("resource").path("address").asText()
                    + (s.isMissingNode() || s.isNull() ? " reported" : " suppressed: " + s.path("reason").asText()));
        }
        return out;
    }

    @Test
    void anHclCommentSuppressesBeforeAndInside(@TempDir Path dir) throws IOException {
        assertEquals(List.of("aws_cloudtrail.before suppressed: archive only",
                "aws_cloudtrail.inside suppressed: being replaced"), tw001(dir, """
                # trailwatch:ignore TW001 archive only
                resource "aws_cloudtrail" "before" {
                  name = "a"
                }
                resource "aws_cloudtrail" "inside" {
                  name = "b" // trailwatch:ignore TW001 being replaced
                }
                """));
    }

    @Test
    void suppressionTextInAHeredocIsNotAComment(@TempDir Path dir) throws IOException {
        assertEquals(List.of("aws_cloudtrail.t reported"), tw001(dir, """
                resource "aws_cloudtrail" "t" {
                  name = "t"
                  tags = {
                    runbook = <<EOT
                # trailwatch:ignore TW001 copied from the wiki
                EOT
                  }
                }
                """));
    }

    @Test
    void suppressionTextInAQuotedStringIsNotAComment(@TempDir Path dir) throws IOException {
        assertEquals(List.of("aws_cloudtrail.t reported"), tw001(dir, """
                resource "aws_cloudtrail" "t" {
                  name = "t"
                  tags = { note = "write # trailwatch:ignore TW001 reason to suppress" }
                }
                """));
    }

    @Test
    void aSuppressionInsideABlockCommentIsCommentedOut(@TempDir Path dir) throws IOException {
        assertEquals(List.of("aws_cloudtrail.t reported"), tw001(dir, """
                /*
                # trailwatch:ignore TW001 no longer true
                */
                resource "aws_cloudtrail" "t" {
                  name = "t"
                }
                """));
    }
}

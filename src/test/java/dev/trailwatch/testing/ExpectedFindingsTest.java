package dev.trailwatch.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture markers read as ExpectedFindings documents them, and a marker that cannot be read fails loudly. */
class ExpectedFindingsTest {
    @TempDir
    Path temp;

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void caretRunIsTheRangeOnItsLine() throws IOException {
        Path fixture = write("t.yaml", "a:\n  key: value  # expect: TW001 {{one}} TW004 {{two}}\n# ^^^^^^^^^^\n");
        assertEquals(List.of("2:3-2:13 TW001 one", "2:3-2:13 TW004 two"), ExpectedFindings.of(fixture));
    }

    @Test
    void rangeSpanningLinesEndsWhereTheCaretLineSays() throws IOException {
        Path fixture = write("main.tf", "resource \"a\" \"b\" {\n  x = [  # expect: TW002 {{m}}\n# ^ +3:4\n    1,\n  ]\n}\n");
        assertEquals(List.of("2:3-5:4 TW002 m"), ExpectedFindings.of(fixture));
    }

    @Test
    void columnOneIsWrittenInTheMarker() throws IOException {
        Path fixture = write("main.tf", "resource \"a\" \"b\" {  # expect@1-17: TW001 {{m}}\n}\n"
                + "resource \"a\" \"c\" {  # expect@1-+1:2: TW001 {{n}}\n}\n");
        assertEquals(List.of("1:1-1:17 TW001 m", "3:1-4:2 TW001 n"), ExpectedFindings.of(fixture));
    }

    @Test
    void inputErrorsAreExpectedHereWithACaretOrElsewhereByPath() throws IOException {
        Path fixture = write("a/main.tf", "module \"b\" {  # expect-error: {{bad call}}\n#         ^\n}\n"
                + "# expect-error: ../b/main.tf:2:3 {{a cycle}}\n");
        ExpectedFindings.Expected expected = ExpectedFindings.expected(fixture);
        assertEquals(List.of(), expected.findings());
        String folder = temp.toString().replace('\\', '/');
        assertEquals(List.of(folder + "/a/main.tf:1:11 bad call", folder + "/b/main.tf:2:3 a cycle"), expected.errors());
    }

    @Test
    void expectedFileHoldsRangesAndErrors() throws IOException {
        Path fixture = write("t.json", "{}\n");
        write("t.json.expected", "# a comment\n3:5-4:10 TW002 {{m}}\nerror 1:2 {{broken}}\n");
        ExpectedFindings.Expected expected = ExpectedFindings.expected(fixture);
        assertEquals(List.of("3:5-4:10 TW002 m"), expected.findings());
        assertEquals(List.of(fixture.toString().replace('\\', '/') + ":1:2 broken"), expected.errors());
    }

    @Test
    void unreadableMarkersFailInsteadOfExpectingNothing() throws IOException {
        List<String> broken = List.of(
                "a: b  # expect: TW001 {{m}}\nc: d\n", // no caret line
                "a: b  # expect: TW01 {{m}}\n#     ^\n", // a mistyped rule
                "a: b  # expect@1: TW001 {{m}}\n", // no end column
                "a: b  # expect: TW001 {{m}}\n#     ^^ +1:3\n", // a range spanning lines is one caret
                "a: b\n#  ^^^\n", // a caret under no marker
                "a: b  # expect-error: {{m}}\n#  ^^^\n"); // an error is a position
        for (String text : broken) {
            Path fixture = write("broken.yaml", text);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ExpectedFindings.of(fixture), text);
            assertTrue(e.getMessage().startsWith(fixture + ":"), e.getMessage());
        }
    }
}

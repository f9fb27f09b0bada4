package dev.trailwatch.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailwatch.source.Position;
import dev.trailwatch.source.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff --fix --dry-run prints, line for line as diff -u would print it. */
class UnifiedDiffTest {
    private static final String TEN = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";

    @Test
    void twoDistantChangesAreTwoHunksWithThreeLinesOfContext() {
        String diff = UnifiedDiff.of("f.txt", TEN, List.of(
                TextEdit.insert(new Position(2, 1), "a\n"),
                new TextEdit(Range.of(10, 1, 10, 3), "ten")));
        assertEquals("""
                --- a/f.txt
                +++ b/f.txt
                @@ -1,4 +1,5 @@
                 1
                +a
                 2
                 3
                 4
                @@ -7,4 +8,4 @@
                 7
                 8
                 9
                -10
                +ten
                """, diff);
    }

    @Test
    void nearChangesShareAHunk() {
        String diff = UnifiedDiff.of("f.txt", TEN, List.of(
                TextEdit.insert(new Position(3, 1), "a\n"),
                TextEdit.insert(new Position(6, 1), "b\n")));
        assertEquals("""
                --- a/f.txt
                +++ b/f.txt
                @@ -1,8 +1,10 @@
                 1
                 2
                +a
                 3
                 4
                 5
                +b
                 6
                 7
                 8
                """, diff);
    }

    @Test
    void aLastLineWithoutNewlineIsMarked() {
        String diff = UnifiedDiff.of("f.tf", "a\n}", List.of(TextEdit.insert(new Position(2, 2), "\nb")));
        assertEquals("""
                --- a/f.tf
                +++ b/f.tf
                @@ -1,2 +1,3 @@
                 a
                -}
                \\ No newline at end of file
                +}
                +b
                \\ No newline at end of file
                """, diff);
    }

    @Test
    void crlfLinesKeepTheirCarriageReturn() {
        String diff = UnifiedDiff.of("f.yaml", "a\r\nb\r\n", List.of(TextEdit.insert(new Position(2, 1), "x\r\n")));
        assertEquals("--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,3 @@\n a\r\n+x\r\n b\r\n", diff);
    }
}

package dev.trailwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text a range covers, and the position of an offset, through the line-start index. */
class SourceFileTest {

    private static SourceFile file(String text) {
        return new SourceFile(Path.of("t.tf"), "t.tf", text);
    }

    @Test
    void rangesOnOneLineAndAcrossLines() {
        SourceFile f = file("one\ntwo three\nfour");
        assertEquals("two", f.text(Range.of(2, 1, 2, 4)));
        assertEquals("three", f.text(Range.of(2, 5, 2, 10)));
        assertEquals("three\nfo", f.text(Range.of(2, 5, 3, 3)));
        assertEquals("one\ntwo three\nfour", f.text(Range.of(1, 1, 3, 5)));
    }

    @Test
    void aRangeUpToTheEndOfALineStopsBeforeItsNewline() {
        SourceFile f = file("ab\ncd\n");
        assertEquals("ab", f.text(Range.of(1, 1, 1, 3)));
        assertEquals("ab\n", f.text(Range.of(1, 1, 2, 1)));
        assertEquals("cd\n", f.text(Range.of(2, 1, 3, 1)));
    }

    @Test
    void carriageReturnsAreCharactersOfTheirLine() {
        SourceFile f = file("a = 1\r\nb = x ? y : z\r\n");
        assertEquals("x", f.text(Range.of(2, 5, 2, 6)));
        assertEquals("b = x ? y : z\r", f.text(Range.of(2, 1, 2, 15)));
        assertEquals(new Position(1, 6), f.position(5)); // the \r
        assertEquals(new Position(2, 1), f.position(7));
    }

    @Test
    void theLastLineWithoutANewline() {
        SourceFile f = file("x\nlast");
        assertEquals("last", f.text(Range.of(2, 1, 2, 5)));
        assertEquals("last", f.text(Range.of(2, 1, 2, 99))); // clipped at the end of the text
        assertEquals(new Position(2, 5), f.position(6)); // just after the end
    }

    @Test
    void positionsPastTheEnd() {
        SourceFile noNewline = file("ab\ncd");
        assertEquals("", noNewline.text(Range.of(3, 1, 3, 2))); // no line 3
        assertEquals("", noNewline.text(Range.of(2, 1, 5, 1)));
        assertEquals("b\ncd", noNewline.text(Range.of(1, 2, 1, 99))); // a long column runs on, up to the end
        SourceFile newline = file("ab\n");
        assertEquals("", newline.text(Range.of(2, 1, 2, 1))); // the empty line after the last newline
        assertEquals("b\n", newline.text(Range.of(1, 2, 4, 1))); // lines past it end at the end of the text
        assertEquals("", file("").text(Range.of(1, 1, 1, 5)));
    }

    @Test
    void offsetsToPositions() {
        SourceFile f = file("ab\n\ncd\n");
        assertEquals(List.of(new Position(1, 1), new Position(1, 2), new Position(1, 3), new Position(2, 1),
                new Position(3, 1), new Position(3, 2), new Position(3, 3), new Position(4, 1)),
                java.util.stream.IntStream.rangeClosed(0, 7).mapToObj(f::position).toList());
        assertThrows(IndexOutOfBoundsException.class, () -> f.position(8));
        assertThrows(IndexOutOfBoundsException.class, () -> f.position(-1));
    }

    /** The walk the index replaced, kept here as the reference: every position of small texts agrees. */
    @Test
    void sameOffsetsAsWalkingTheLines() {
        for (String text : List.of("", "\n", "a", "a\n", "ab\ncd", "ab\r\ncd\r\n", "\n\nx\n\n", "é😀\nz")) {
            SourceFile f = file(text);
            for (int line = -1; line <= 7; line++) {
                for (int column = -1; column <= 8; column++) {
                    Position p = new Position(line, column);
                    assertEquals(walk(text, p), f.offset(p), () -> "\"" + text.replace("\n", "\\n") + "\" at " + p);
                }
            }
            for (int offset = 0; offset <= text.length(); offset++) {
                assertEquals(offset, f.offset(f.position(offset)));
            }
        }
    }

    private static int walk(String text, Position position) {
        int line = 1;
        int i = 0;
        while (line < position.line() && i < text.length()) {
            int newline = text.indexOf('\n', i);
            if (newline < 0) {
                return -1;
            }
            i = newline + 1;
            line++;
        }
        return Math.min(text.length(), i + position.column() - 1);
    }
}

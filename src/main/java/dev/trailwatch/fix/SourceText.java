package dev.trailwatch.fix;

import dev.trailwatch.source.Position;
import dev.trailwatch.source.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A file's text with what edits need to know about it: offsets of positions (1-based lines,
 * columns in UTF-16 characters, lines ending at a newline), its line ending and its lines.
 */
final class SourceText {
    private final String text;
    private final int[] lineStarts;
    private final String newline;

    SourceText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        int lf = text.indexOf('\n');
        newline = lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
    }

    String text() {
        return text;
    }

    /** The line ending the file uses (that of its first line; LF when it has one line). */
    String newline() {
        return newline;
    }

    int lineCount() {
        return lineStarts.length;
    }

    int offset(Position position) {
        int line = Math.min(Math.max(position.line(), 1), lineStarts.length);
        return Math.min(text.length(), lineStarts[line - 1] + position.column() - 1);
    }

    Position position(int offset) {
        int line = java.util.Arrays.binarySearch(lineStarts, offset);
        if (line < 0) {
            line = -line - 2;
        }
        return new Position(line + 1, offset - lineStarts[line] + 1);
    }

    String text(Range range) {
        return text.substring(offset(range.start()), offset(range.end()));
    }

    /** Offset where the line of {@code offset} starts. */
    int lineStart(int offset) {
        return lineStarts[position(offset).line() - 1];
    }

    /** Offset just after the newline ending the line of {@code offset}, or the text's end. */
    int nextLineStart(int offset) {
        int lf = text.indexOf('\n', offset);
        return lf < 0 ? text.length() : lf + 1;
    }

    /** The text of line {@code line} (1-based) without its line ending. */
    String line(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        String s = text.substring(start, end);
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** The spaces and tabs that start the line of {@code offset}. */
    String indentOfLine(int offset) {
        int start = lineStart(offset);
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    /** Whether only spaces and tabs come before {@code offset} on its line. */
    boolean startsLine(int offset) {
        return text.substring(lineStart(offset), offset).isBlank();
    }

    /** The text with the edits applied; edits must not overlap (insertions at one place keep their order). */
    static String apply(String original, List<TextEdit> edits) {
        SourceText source = new SourceText(original);
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit e) -> source.offset(e.range().start())));
        StringBuilder out = new StringBuilder(original.length() + 256);
        int at = 0;
        for (TextEdit edit : sorted) {
            int from = source.offset(edit.range().start());
            int to = source.offset(edit.range().end());
            if (from < at) {
                throw new IllegalArgumentException("overlapping edits at " + edit.range());
            }
            out.append(original, at, from).append(edit.newText());
            at = to;
        }
        return out.append(original.substring(at)).toString();
    }

    /** Edit inserting at an offset. */
    TextEdit insertAt(int offset, String newText) {
        return TextEdit.insert(position(offset), newText);
    }

    TextEdit replace(int from, int to, String newText) {
        return new TextEdit(new Range(position(from), position(to)), newText);
    }
}

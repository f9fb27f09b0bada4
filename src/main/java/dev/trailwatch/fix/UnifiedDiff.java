package dev.trailwatch.fix;

import dev.trailwatch.source.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The unified diff ({@code diff -u}, three lines of context, git's a/ b/ prefixes) of a file and
 * the same file with edits applied. The changed lines are known from the edits, so no general
 * diff algorithm is needed: each group of edits on neighbouring lines is one change, trimmed of
 * the lines it leaves as they were.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** A change: old lines [oldFrom, oldTo) became new lines [newFrom, newTo) (0-based). */
    private record Change(int oldFrom, int oldTo, int newFrom, int newTo) {}

    static String of(String file, String original, List<TextEdit> edits) {
        SourceText source = new SourceText(original);
        String changed = SourceText.apply(original, edits);
        List<String> oldLines = lines(original);
        List<String> newLines = lines(changed);
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit e) -> source.offset(e.range().start())));
        List<Change> changes = new ArrayList<>();
        int delta = 0;
        int i = 0;
        while (i < sorted.size()) {
            int first = i;
            int from = source.position(source.offset(sorted.get(i).range().start())).line() - 1;
            int to = source.position(source.offset(sorted.get(i).range().end())).line();
            i++;
            while (i < sorted.size() && source.position(source.offset(sorted.get(i).range().start())).line() - 1 <= to) {
                to = Math.max(to, source.position(source.offset(sorted.get(i).range().end())).line());
                i++;
            }
            to = Math.min(to, oldLines.size());
            // The group's whole lines, before and after its edits: how many lines it adds.
            int segmentStart = source.offset(new Position(from + 1, 1));
            int segmentEnd = to < source.lineCount() ? source.offset(new Position(to + 1, 1)) : original.length();
            String segment = original.substring(segmentStart, segmentEnd);
            SourceText segmentSource = new SourceText(segment);
            List<TextEdit> shifted = new ArrayList<>();
            for (TextEdit edit : sorted.subList(first, i)) {
                shifted.add(segmentSource.replace(source.offset(edit.range().start()) - segmentStart,
                        source.offset(edit.range().end()) - segmentStart, edit.newText()));
            }
            int growth = lines(SourceText.apply(segment, shifted)).size() - lines(segment).size();
            int a = from;
            int b = to;
            int c = from + delta;
            int d = to + delta + growth;
            delta += growth;
            changes.addAll(lineChanges(oldLines, a, b, newLines, c, d));
        }
        if (changes.isEmpty()) {
            return "";
        }
        String shown = file.startsWith("/") ? file.substring(1) : file;
        StringBuilder out = new StringBuilder("--- a/" + shown + "\n+++ b/" + shown + "\n");
        int k = 0;
        while (k < changes.size()) {
            int first = k;
            while (k + 1 < changes.size() && changes.get(k + 1).oldFrom() - changes.get(k).oldTo() <= 2 * CONTEXT) {
                k++;
            }
            Change start = changes.get(first);
            Change end = changes.get(k);
            int oldFrom = Math.max(0, start.oldFrom() - CONTEXT);
            int newFrom = start.newFrom() - (start.oldFrom() - oldFrom);
            int oldTo = Math.min(oldLines.size(), end.oldTo() + CONTEXT);
            int newTo = end.newTo() + (oldTo - end.oldTo());
            out.append("@@ -").append(range(oldFrom, oldTo)).append(" +").append(range(newFrom, newTo)).append(" @@\n");
            int at = oldFrom;
            for (int j = first; j <= k; j++) {
                Change change = changes.get(j);
                for (; at < change.oldFrom(); at++) {
                    line(out, " ", oldLines.get(at));
                }
                for (int o = change.oldFrom(); o < change.oldTo(); o++) {
                    line(out, "-", oldLines.get(o));
                }
                for (int n = change.newFrom(); n < change.newTo(); n++) {
                    line(out, "+", newLines.get(n));
                }
                at = change.oldTo();
            }
            for (; at < oldTo; at++) {
                line(out, " ", oldLines.get(at));
            }
            k++;
        }
        return out.toString();
    }

    /**
     * The smallest changes turning old lines [a, b) into new lines [c, d): a longest common
     * subsequence of the two, which is small (the lines of one group of edits).
     */
    private static List<Change> lineChanges(List<String> oldLines, int a, int b, List<String> newLines, int c, int d) {
        int n = b - a;
        int m = d - c;
        int[][] common = new int[n + 1][m + 1];
        for (int x = n - 1; x >= 0; x--) {
            for (int y = m - 1; y >= 0; y--) {
                common[x][y] = oldLines.get(a + x).equals(newLines.get(c + y)) ? common[x + 1][y + 1] + 1
                        : Math.max(common[x + 1][y], common[x][y + 1]);
            }
        }
        List<Change> changes = new ArrayList<>();
        int x = 0;
        int y = 0;
        while (x < n || y < m) {
            if (x < n && y < m && oldLines.get(a + x).equals(newLines.get(c + y))) {
                x++;
                y++;
                continue;
            }
            int oldFrom = x;
            int newFrom = y;
            while (x < n || y < m) {
                if (x < n && y < m && oldLines.get(a + x).equals(newLines.get(c + y))) {
                    break;
                }
                if (y < m && (x == n || common[x][y + 1] >= common[x + 1][y])) {
                    y++;
                } else {
                    x++;
                }
            }
            changes.add(new Change(a + oldFrom, a + x, c + newFrom, c + y));
        }
        return changes;
    }

    private static String range(int from, int to) {
        int length = to - from;
        return (length == 0 ? from : from + 1) + (length == 1 ? "" : "," + length);
    }

    private static void line(StringBuilder out, String prefix, String line) {
        if (line.endsWith("\n")) {
            out.append(prefix).append(line);
        } else {
            out.append(prefix).append(line).append("\n\\ No newline at end of file\n");
        }
    }

    /** The lines of a text, each with its line ending. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines.add(text.substring(start, i + 1));
            start = i + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}

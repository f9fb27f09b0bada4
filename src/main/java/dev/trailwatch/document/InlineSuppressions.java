package dev.trailwatch.document;

import dev.trailwatch.model.Suppression;
import dev.trailwatch.model.Resource;
import dev.trailwatch.source.Comment;
import dev.trailwatch.source.Location;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code # trailwatch:ignore TW001[,TW002] reason [exp:YYYY-MM-DD]} comments ({@code //}
 * too, in HCL) on the line before a resource or inside it, in YAML and HCL sources alike; and,
 * placed the same way, other linters' skips ({@code #checkov:skip=ID:reason},
 * {@code #trivy:ignore:ID[:exp:DATE]}, {@code # kics-scan ignore-line|ignore-block}), which hold
 * only where the project opts in.
 */
public final class InlineSuppressions {
    private static final Pattern COMMENT = Pattern.compile(
            "(?:#|//)\\s*trailwatch:ignore\\b[ \\t]*((?:[A-Za-z0-9_]+(?:[ \\t]*,[ \\t]*[A-Za-z0-9_]+)*)?)[ \\t]*(.*)$");
    private static final Pattern EXPIRES = Pattern.compile("\\bexp:(\\S+)");
    /** Other linters' skip comments: Checkov's, Trivy's (and tfsec's) and KICS's. */
    private static final Pattern CHECKOV = Pattern.compile("(?:#|//)\\s*checkov:skip=([A-Za-z0-9_]+)(?::(.*))?$");
    private static final Pattern TRIVY = Pattern.compile(
            "(?:#|//)\\s*(?:trivy|tfsec):ignore:([A-Za-z0-9_-]+?)(?::exp:(\\S+))?(?:\\s.*)?$");
    private static final Pattern KICS = Pattern.compile("(?:#|//)\\s*kics-scan\\s+(ignore-line|ignore-block)\\b");

    private InlineSuppressions() {}

    /**
     * The suppressions written in a YAML file, each attached to the resource it stands before or
     * inside: every line is read, as YAML comments are not told apart from values here.
     */
    public static List<Suppression> scan(SourceFile file, Map<Resource, Range> extents) {
        String text = file.text();
        if (!mentionsSuppression(text)) {
            return List.of();
        }
        String[] lines = text.split("\n", -1);
        List<Candidate> candidates = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            candidates.add(new Candidate(i + 1, 1, lines[i]));
        }
        return scan(file, lines, candidates, extents, true);
    }

    /**
     * The suppressions written in a file's line comments ({@code comments}: the file's comments as
     * its parser read them), each attached to the resource it stands before or inside. Text in a
     * string, a heredoc or a block comment is not a suppression.
     */
    public static List<Suppression> scan(SourceFile file, List<Comment> comments,
            Map<Resource, Range> extents) {
        if (!mentionsSuppression(file.text())) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Comment c : comments) {
            if (c.isLineComment()) {
                candidates.add(new Candidate(c.range().start().line(), c.range().start().column(), c.text()));
            }
        }
        return scan(file, file.text().split("\n", -1), candidates, extents, false);
    }

    private static boolean mentionsSuppression(String text) {
        return text.contains("trailwatch:ignore") || text.contains("checkov:skip") || text.contains(":ignore:")
                || text.contains("kics-scan");
    }

    /** Text that may hold a suppression, starting at {@code line}:{@code column} and running to the end of its line. */
    private record Candidate(int line, int column, String text) {}

    /**
     * {@code openEnded}: a declaration has no closing token (a YAML mapping ends after its last
     * value), so comments right after it, indented deeper than its key, are still inside it.
     */
    private static List<Suppression> scan(SourceFile file, String[] lines, List<Candidate> candidates,
            Map<Resource, Range> extents, boolean openEnded) {
        List<Suppression> found = new ArrayList<>();
        Extents index = new Extents(extents, lines, openEnded);
        for (Candidate candidate : candidates) {
            int lineEnd = lines[candidate.line() - 1].length() + 1;
            found.addAll(peerSkips(file, candidate, lineEnd, lines, index));
            Matcher m = COMMENT.matcher(candidate.text());
            if (!m.find()) {
                continue;
            }
            int column = candidate.column() + m.start();
            List<Resource> targets = index.targets(candidate.line(), column, lines);
            String rest = m.group(2).strip();
            Matcher expiry = EXPIRES.matcher(rest);
            String expiresText = null;
            LocalDate expires = null;
            if (expiry.find()) {
                expiresText = expiry.group(1);
                rest = (rest.substring(0, expiry.start()) + rest.substring(expiry.end())).strip();
                try {
                    expires = LocalDate.parse(expiresText);
                } catch (DateTimeParseException e) {
                    expires = null; // reported as TW100
                }
            }
            List<String> ids = m.group(1).isEmpty() ? List.of() : Arrays.stream(m.group(1).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            Location at = file.locate(Range.of(candidate.line(), column, candidate.line(), lineEnd));
            // A comment that stands before or inside no resource covers nothing (TW100 says so).
            if (targets.isEmpty()) {
                found.add(new Suppression(Suppression.Kind.INLINE, ids, null, null, rest, expires, expiresText, at));
            }
            for (Resource target : targets) {
                found.add(new Suppression(Suppression.Kind.INLINE, ids, target.address(), null, rest, expires,
                        expiresText, at));
            }
        }
        return found;
    }

    /** Another linter's skip in a comment, for each resource it stands before or in. */
    private static List<Suppression> peerSkips(SourceFile file, Candidate candidate, int lineEnd, String[] lines,
            Extents index) {
        String id;
        String reason;
        String expiresText = null;
        Matcher m;
        if ((m = CHECKOV.matcher(candidate.text())).find()) {
            id = m.group(1);
            reason = m.group(2) == null || m.group(2).isBlank() ? "skipped for Checkov" : m.group(2).strip();
        } else if ((m = TRIVY.matcher(candidate.text())).find()) {
            id = m.group(1);
            expiresText = m.group(2);
            reason = "ignored for Trivy";
        } else if ((m = KICS.matcher(candidate.text())).find()) {
            id = Suppression.ANY_KICS_CHECK;
            reason = "kics-scan " + m.group(1);
        } else {
            return List.of();
        }
        int column = candidate.column() + m.start();
        LocalDate expires = null;
        try {
            expires = expiresText == null ? null : LocalDate.parse(expiresText);
        } catch (DateTimeParseException e) {
            expires = null;
        }
        Location at = file.locate(Range.of(candidate.line(), column, candidate.line(), lineEnd));
        List<Suppression> out = new ArrayList<>();
        for (Resource target : index.targets(candidate.line(), column, lines)) {
            out.add(new Suppression(Suppression.Kind.PEER, List.of(id), target.address(), null, reason, expires,
                    expiresText, at));
        }
        return out;
    }

    /**
     * The declarations' extents, indexed so that finding a comment's target costs a lookup, not
     * a pass over every resource: a file with a suppression per trail stays linear. Comments
     * must be asked about in the order of their lines.
     */
    private static final class Extents {
        /** Extents by the line they start on, in the order of the map they came from. */
        private final Map<Integer, List<Range>> byStartLine = new HashMap<>();
        /** The resources of each extent, in the order of the map they came from. */
        private final Map<Range, List<Resource>> resources = new LinkedHashMap<>();
        /** Extents by start line, then order: those not yet reached by the comments' lines. */
        private final List<Map.Entry<Range, Integer>> pending = new ArrayList<>();
        private int nextPending;
        /** Extents started before the current comment's line, by start line, then order. */
        private final TreeMap<Long, Range> open = new TreeMap<>();
        /**
         * The last line of each extent's comments: the comment lines right after it. One indented
         * deeper than the declaration (YAML's "inside", written after its last value) is its own.
         */
        private final Map<Range, Integer> trailingCommentsEnd = new HashMap<>();
        private int lastLine;

        Extents(Map<Resource, Range> extents, String[] lines, boolean openEnded) {
            int order = 0;
            for (Map.Entry<Resource, Range> e : extents.entrySet()) {
                Range r = e.getValue();
                int end = r.end().line();
                while (openEnded && end < lines.length && isComment(lines[end])) {
                    end++;
                }
                trailingCommentsEnd.put(r, end);
                byStartLine.computeIfAbsent(r.start().line(), k -> new ArrayList<>()).add(r);
                resources.computeIfAbsent(r, k -> new ArrayList<>()).add(e.getKey());
                pending.add(Map.entry(r, order++));
            }
            pending.sort(Comparator.comparingInt((Map.Entry<Range, Integer> p) -> p.getKey().start().line())
                    .thenComparingInt(Map.Entry::getValue));
        }

        /**
         * The resources declared on the first line after the comment that is neither blank nor a
         * comment, when the comment is not indented deeper than that declaration; else the innermost
         * declaration that contains the comment's line (the one that starts last, the later of equals);
         * empty when none does. (Before wins: a YAML mapping's extent reaches the next sibling's key.)
         * Every instance of a declaration (count, for_each) shares its extent, so a comment covers
         * them all.
         */
        List<Resource> targets(int line, int column, String[] lines) {
            if (line < lastLine) {
                throw new IllegalArgumentException("comments must come in the order of their lines");
            }
            lastLine = line;
            int next = line + 1;
            while (next <= lines.length && (lines[next - 1].isBlank() || lines[next - 1].strip().startsWith("#")
                    || lines[next - 1].strip().startsWith("//"))) {
                next++;
            }
            Range chosen = null;
            for (Range r : byStartLine.getOrDefault(next, List.of())) {
                if (column <= r.start().column()) {
                    chosen = r;
                    break;
                }
            }
            if (chosen == null) {
                chosen = innermostContaining(line, column);
            }
            return chosen == null ? List.of() : resources.get(chosen);
        }

        private Range innermostContaining(int line, int column) {
            while (nextPending < pending.size() && pending.get(nextPending).getKey().start().line() <= line) {
                Map.Entry<Range, Integer> p = pending.get(nextPending++);
                open.put(((long) p.getKey().start().line() << 32) | p.getValue(), p.getKey());
            }
            // An extent whose comments end before this line ends before every later comment's line too.
            while (!open.isEmpty() && trailingCommentsEnd.get(open.lastEntry().getValue()) < line) {
                open.pollLastEntry();
            }
            if (open.isEmpty()) {
                return null;
            }
            Range innermost = open.lastEntry().getValue();
            return line <= innermost.end().line() || column > innermost.start().column() ? innermost : null;
        }

        private static boolean isComment(String line) {
            String stripped = line.strip();
            return stripped.startsWith("#") || stripped.startsWith("//");
        }
    }
}

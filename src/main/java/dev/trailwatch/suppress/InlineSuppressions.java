package dev.trailwatch.suppress;

import dev.trailwatch.model.Resource;
import dev.trailwatch.source.Location;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code # trailwatch:ignore TW001[,TW002] reason [exp:YYYY-MM-DD]} comments ({@code //}
 * too, in HCL) on the line before a resource or inside it, in YAML and HCL sources alike.
 */
public final class InlineSuppressions {
    private static final Pattern COMMENT = Pattern.compile(
            "(?:#|//)\\s*trailwatch:ignore\\b[ \\t]*((?:[A-Za-z0-9_]+(?:[ \\t]*,[ \\t]*[A-Za-z0-9_]+)*)?)[ \\t]*(.*)$");
    private static final Pattern EXPIRES = Pattern.compile("\\bexp:(\\S+)");

    private InlineSuppressions() {}

    /** The suppressions written in a file, each attached to the resource it stands before or inside. */
    public static List<Suppression> scan(SourceFile file, Map<Resource, Range> extents) {
        String text = file.text();
        if (!text.contains("trailwatch:ignore")) {
            return List.of();
        }
        List<Suppression> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = COMMENT.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            Resource target = target(i + 1, lines, extents);
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
            int column = m.start() + 1;
            Location at = file.locate(Range.of(i + 1, column, i + 1, lines[i].length() + 1));
            // A comment that stands before or inside no resource covers nothing (TW100 says so).
            found.add(new Suppression(Suppression.Kind.INLINE, ids, target == null ? null : target.address(),
                    null, rest, expires, expiresText, at));
        }
        return found;
    }

    /**
     * The resource declared on the first line after the comment that is neither blank nor a
     * comment, else the innermost one whose declaration contains the comment's line; null when
     * none is. (Before wins: a YAML mapping's extent reaches the next sibling's key.)
     */
    private static Resource target(int line, String[] lines, Map<Resource, Range> extents) {
        int next = line + 1;
        while (next <= lines.length && (lines[next - 1].isBlank() || lines[next - 1].strip().startsWith("#")
                || lines[next - 1].strip().startsWith("//"))) {
            next++;
        }
        for (Map.Entry<Resource, Range> e : extents.entrySet()) {
            if (e.getValue().start().line() == next) {
                return e.getKey();
            }
        }
        Resource inside = null;
        for (Map.Entry<Resource, Range> e : extents.entrySet()) {
            Range r = e.getValue();
            if (r.start().line() <= line && line <= r.end().line()
                    && (inside == null || r.start().line() >= extents.get(inside).start().line())) {
                inside = e.getKey();
            }
        }
        return inside;
    }
}

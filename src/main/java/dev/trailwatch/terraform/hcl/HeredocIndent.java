package dev.trailwatch.terraform.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <<-} rule: find the smallest indentation among the lines that start with literal
 * text (blank lines do not count; a line starting with an interpolation counts as zero) and remove
 * that much from every line-leading literal.
 */
final class HeredocIndent {
    private HeredocIndent() {}

    static List<TemplatePart> strip(List<TemplatePart> parts) {
        int min = Integer.MAX_VALUE;
        boolean lineStart = true;
        for (TemplatePart part : parts) {
            if (!(part instanceof TemplatePart.Literal literal)) {
                if (lineStart) {
                    min = 0;
                }
                lineStart = false;
                continue;
            }
            String text = literal.text();
            int i = 0;
            while (i < text.length()) {
                int newline = text.indexOf('\n', i);
                int end = newline < 0 ? text.length() : newline + 1;
                if (lineStart) {
                    String line = text.substring(i, end);
                    int spaces = leadingSpaces(line);
                    boolean blank = spaces == line.length() - (line.endsWith("\n") ? 1 : 0) && line.endsWith("\n");
                    if (!blank) {
                        min = Math.min(min, spaces);
                    }
                }
                lineStart = newline >= 0;
                i = end;
            }
        }
        if (min == 0 || min == Integer.MAX_VALUE) {
            return parts;
        }
        List<TemplatePart> stripped = new ArrayList<>(parts.size());
        lineStart = true;
        for (TemplatePart part : parts) {
            if (!(part instanceof TemplatePart.Literal literal)) {
                stripped.add(part);
                lineStart = false;
                continue;
            }
            StringBuilder out = new StringBuilder();
            String text = literal.text();
            int i = 0;
            while (i < text.length()) {
                int newline = text.indexOf('\n', i);
                int end = newline < 0 ? text.length() : newline + 1;
                int skip = lineStart ? Math.min(min, leadingSpaces(text.substring(i, end))) : 0;
                out.append(text, i + skip, end);
                lineStart = newline >= 0;
                i = end;
            }
            stripped.add(new TemplatePart.Literal(out.toString(), literal.range()));
        }
        return List.copyOf(stripped);
    }

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}

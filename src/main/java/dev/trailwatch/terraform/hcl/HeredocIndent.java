package dev.trailwatch.terraform.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <<-} rule, as hclsyntax applies it to the template's parts in document order
 * (directive bodies included): the smallest indentation among the lines that start with literal
 * text is found (whitespace-only lines do not count; a line starting with an interpolation or
 * directive counts as zero) and removed from those line-leading literals. Whitespace-only lines
 * are left as written.
 */
final class HeredocIndent {
    private HeredocIndent() {}

    /** Walks literals in document order, tracking whether the next text starts a line. */
    private static final class Walk {
        boolean lineStart = true;
        int min = Integer.MAX_VALUE;
    }

    static List<TemplatePart> strip(List<TemplatePart> parts) {
        Walk measure = new Walk();
        measure(parts, measure);
        if (measure.min == 0 || measure.min == Integer.MAX_VALUE) {
            return parts;
        }
        return trim(parts, new Walk(), measure.min);
    }

    private static void measure(List<TemplatePart> parts, Walk walk) {
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal literal) {
                forEachLine(literal.text(), walk, (line, leading) -> {
                    if (leading && !isBlank(line)) {
                        walk.min = Math.min(walk.min, leadingSpaces(line));
                    }
                });
            } else {
                tag(walk);
                if (part instanceof TemplatePart.If i) {
                    measure(i.then(), walk);
                    tag(walk);
                    measure(i.otherwise(), walk);
                    tag(walk);
                } else if (part instanceof TemplatePart.For f) {
                    measure(f.body(), walk);
                    tag(walk);
                }
            }
        }
    }

    /** An interpolation or directive tag: at a line start it makes that line's indentation zero. */
    private static void tag(Walk walk) {
        if (walk.lineStart) {
            walk.min = 0;
        }
        walk.lineStart = false;
    }

    private static List<TemplatePart> trim(List<TemplatePart> parts, Walk walk, int min) {
        List<TemplatePart> out = new ArrayList<>(parts.size());
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal literal) {
                StringBuilder text = new StringBuilder();
                forEachLine(literal.text(), walk, (line, leading) ->
                        text.append(leading && !isBlank(line) ? line.substring(Math.min(min, leadingSpaces(line))) : line));
                out.add(new TemplatePart.Literal(text.toString(), literal.range()));
            } else if (part instanceof TemplatePart.If i) {
                walk.lineStart = false;
                List<TemplatePart> then = trim(i.then(), walk, min);
                walk.lineStart = false;
                List<TemplatePart> otherwise = trim(i.otherwise(), walk, min);
                walk.lineStart = false;
                out.add(new TemplatePart.If(i.condition(), then, otherwise, i.range()));
            } else if (part instanceof TemplatePart.For f) {
                walk.lineStart = false;
                List<TemplatePart> body = trim(f.body(), walk, min);
                walk.lineStart = false;
                out.add(new TemplatePart.For(f.keyVariable(), f.valueVariable(), f.collection(), body, f.range()));
            } else {
                walk.lineStart = false;
                out.add(part);
            }
        }
        return List.copyOf(out);
    }

    private interface LineVisitor {
        void visit(String line, boolean leading);
    }

    /** Splits text into lines (each with its newline), saying which begin a line of the heredoc. */
    private static void forEachLine(String text, Walk walk, LineVisitor visitor) {
        int i = 0;
        while (i < text.length()) {
            int newline = text.indexOf('\n', i);
            int end = newline < 0 ? text.length() : newline + 1;
            visitor.visit(text.substring(i, end), walk.lineStart);
            walk.lineStart = newline >= 0;
            i = end;
        }
    }

    /** Only spaces and tabs, then the newline: a blank line, which neither counts nor is trimmed. */
    private static boolean isBlank(String line) {
        return line.endsWith("\n") && line.strip().isEmpty();
    }

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}

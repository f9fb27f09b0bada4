package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** format() and formatlist(), with Go's verbs as Terraform reads them. */
final class FormatFunctions {
    private FormatFunctions() {}

    static Map<String, TerraformFunction> all() {
        return Map.of("format", FormatFunctions::format, "formatlist", FormatFunctions::formatlist);
    }

    /**
     * format() with %s, %d, %v, %q, %t and %%, with a width and the {@code -} flag; unknown
     * arguments keep their place as parts. Other verbs and flags are not evaluated.
     */
    private static Value format(Arguments args) {
        String spec = args.text(0);
        List<Value> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int next = 1;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (i + 1 >= spec.length()) {
                throw new Arguments.Failed("the format ends with %");
            }
            if (spec.charAt(i + 1) == '%') {
                literal.append('%');
                i++;
                continue;
            }
            int j = i + 1;
            boolean left = false;
            while (j < spec.length() && "-+# 0".indexOf(spec.charAt(j)) >= 0) {
                if (spec.charAt(j) != '-') {
                    throw new Arguments.NotEvaluated(); // flags other than - are not evaluated
                }
                left = true;
                j++;
            }
            int widthStart = j;
            while (j < spec.length() && Character.isDigit(spec.charAt(j))) {
                j++;
            }
            int width = j > widthStart ? Integer.parseInt(spec.substring(widthStart, Math.min(j, widthStart + 4))) : 0;
            if (j >= spec.length()) {
                throw new Arguments.Failed("a format verb is incomplete");
            }
            char verb = spec.charAt(j);
            i = j;
            if ("sdvqt".indexOf(verb) < 0) {
                throw new Arguments.NotEvaluated(); // precisions and other verbs are not evaluated
            }
            if (next >= args.size()) {
                throw new Arguments.Failed("not enough arguments for the format");
            }
            Value arg = args.get(next++);
            Value v = Values.unwrap(arg);
            if (v instanceof Value.Null) {
                throw new Arguments.NotKnown(); // Terraform gives an unknown value for a null argument
            }
            String known = Values.scalarText(arg);
            if (known == null && (v instanceof Value.ListValue || v instanceof Value.MapValue)) {
                throw new Arguments.NotEvaluated(); // %v of a collection: not evaluated
            }
            if (known == null && width == 0 && verb != 'q') {
                if (literal.length() > 0) {
                    parts.add(new Value.Text(literal.toString(), args.range()));
                    literal.setLength(0);
                }
                parts.add(arg); // a reference or a value not known: kept as a part of the string
                continue;
            }
            if (known == null) {
                throw new Arguments.NotKnown();
            }
            String formatted = switch (verb) {
                case 'd' -> wholeNumber(known);
                case 't' -> {
                    if (!(v instanceof Value.Bool) && !known.equals("true") && !known.equals("false")) {
                        throw new Arguments.Failed("%t needs a bool");
                    }
                    yield known;
                }
                case 'q' -> goQuote(known);
                default -> v instanceof Value.Number ? Conversions.canonicalNumber(known) : known;
            };
            int pad = width - formatted.codePointCount(0, formatted.length());
            if (pad > 0) {
                formatted = left ? formatted + " ".repeat(pad) : " ".repeat(pad) + formatted;
            }
            literal.append(formatted);
        }
        if (next < args.size()) {
            throw new Arguments.Failed("too many arguments for the format");
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(new Value.Text(literal.toString(), args.range()));
        }
        return Values.concatenate(parts, args.range());
    }

    private static String wholeNumber(String known) {
        BigDecimal n = Conversions.parseNumber(known.strip());
        if (n == null || n.stripTrailingZeros().scale() > 0) {
            throw new Arguments.Failed("%d needs a whole number");
        }
        return n.toBigInteger().toString();
    }

    /** formatlist(): format() once per element; lists must be of one length, other values repeat. */
    private static Value formatlist(Arguments args) {
        int length = -1;
        for (int i = 1; i < args.size(); i++) {
            Value v = args.unwrapped(i);
            if (v instanceof Value.ListValue l) {
                if (length >= 0 && length != l.items().size()) {
                    throw new Arguments.Failed("formatlist() of lists of different lengths");
                }
                length = l.items().size();
            } else if (!Conversions.isKnownScalar(v)) {
                throw new Arguments.NotKnown(); // a reference may stand for a list (aws_x.y[*].arn): its length is not known
            }
        }
        if (length < 0) {
            length = 1;
        }
        List<Value> out = new ArrayList<>();
        for (int n = 0; n < length; n++) {
            List<Value> row = new ArrayList<>();
            row.add(args.get(0));
            for (int i = 1; i < args.size(); i++) {
                row.add(args.unwrapped(i) instanceof Value.ListValue l ? l.items().get(n) : args.get(i));
            }
            out.add(format(args.with(row)));
        }
        return new Value.ListValue(List.copyOf(out), args.range());
    }

    /** Go's %q of a string. */
    private static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

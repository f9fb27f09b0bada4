package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Terraform's string functions: case, trimming, searching, splitting and joining, regular expressions. */
final class StringFunctions {
    private StringFunctions() {}

    static Map<String, TerraformFunction> all() {
        return Map.ofEntries(
                Map.entry("join", StringFunctions::join),
                Map.entry("lower", text(s -> s.toLowerCase(Locale.ROOT))),
                Map.entry("upper", text(s -> s.toUpperCase(Locale.ROOT))),
                Map.entry("title", text(StringFunctions::title)),
                Map.entry("trimspace", text(String::strip)),
                Map.entry("chomp", text(StringFunctions::chomp)),
                Map.entry("trim", args -> text(args, trim(args.text(0), args.text(1)))),
                Map.entry("trimprefix", args -> {
                    String s = args.text(0);
                    String prefix = args.text(1);
                    return text(args, s.startsWith(prefix) ? s.substring(prefix.length()) : s);
                }),
                Map.entry("trimsuffix", args -> {
                    String s = args.text(0);
                    String suffix = args.text(1);
                    return text(args, s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s);
                }),
                Map.entry("startswith", args -> bool(args, args.text(0).startsWith(args.text(1)))),
                Map.entry("endswith", args -> bool(args, args.text(0).endsWith(args.text(1)))),
                Map.entry("strcontains", args -> bool(args, args.text(0).contains(args.text(1)))),
                Map.entry("substr", args -> text(args, substr(args.text(0), args.integer(1), args.integer(2)))),
                Map.entry("replace", StringFunctions::replace),
                Map.entry("regex", args -> GoRegex.compile(args.text(0)).first(args.text(1), args.range())),
                Map.entry("regexall", args -> GoRegex.compile(args.text(0)).all(args.text(1), args.range())),
                Map.entry("split", StringFunctions::split));
    }

    /** A function of one known string giving a string. */
    private static TerraformFunction text(UnaryOperator<String> function) {
        return args -> text(args, function.apply(args.text(0)));
    }

    private static Value text(Arguments args, String text) {
        return new Value.Text(text, args.range());
    }

    private static Value bool(Arguments args, boolean value) {
        return new Value.Bool(value, args.range());
    }

    /** join(separator, lists...): references among the items stay parts of the string. */
    private static Value join(Arguments args) {
        String separator = args.text(0);
        List<Value> parts = new ArrayList<>();
        boolean first = true;
        for (int i = 1; i < args.size(); i++) {
            for (Value item : args.list(i)) {
                if (Values.unwrap(item) instanceof Value.Null) {
                    throw new Arguments.Failed("a null element cannot be joined");
                }
                if (!first && !separator.isEmpty()) {
                    parts.add(new Value.Text(separator, args.range()));
                }
                first = false;
                parts.add(item);
            }
        }
        return Values.concatenate(parts, args.range());
    }

    private static String chomp(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** trim(): the characters of {@code cutset} removed from both ends. */
    private static String trim(String s, String cutset) {
        int start = 0;
        int end = s.length();
        while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** replace(): a search written between slashes is a regular expression. */
    private static Value replace(Arguments args) {
        String search = args.text(1);
        if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
            return text(args, GoRegex.compile(search.substring(1, search.length() - 1))
                    .replaceAll(args.text(0), args.text(2)));
        }
        return text(args, args.text(0).replace(search, args.text(2)));
    }

    private static Value split(Arguments args) {
        String separator = args.text(0);
        String s = args.text(1);
        List<Value> items = new ArrayList<>();
        if (separator.isEmpty()) {
            // Go's strings.Split: one item per character (none for an empty string).
            s.codePoints().forEach(c -> items.add(new Value.Text(new String(Character.toChars(c)), args.range())));
        } else {
            for (String part : s.split(Pattern.quote(separator), -1)) {
                items.add(new Value.Text(part, args.range()));
            }
        }
        return new Value.ListValue(List.copyOf(items), args.range());
    }

    /** Terraform's title() (Go's strings.Title): the first letter after a separator in upper case. */
    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            out.appendCodePoint(start ? Character.toTitleCase(c) : c);
            // ASCII: anything but letters, digits and _ separates words; beyond ASCII, only spaces.
            start = c < 0x80 ? !(Character.isLetterOrDigit(c) || c == '_') : Character.isWhitespace(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * substr(): in characters; a negative offset counts from the end (and stops at the start), a
     * negative length means the rest, and whatever lies past the end is left out.
     */
    private static String substr(String s, int offset, int length) {
        int[] chars = s.codePoints().toArray();
        int from = offset < 0 ? Math.max(0, chars.length + offset) : Math.min(offset, chars.length);
        int to = length < 0 ? chars.length : (int) Math.min(chars.length, (long) from + length);
        return new String(chars, from, Math.max(0, to - from));
    }
}

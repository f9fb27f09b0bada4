package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Value;
import dev.trailwatch.source.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expressions of Terraform's regex(), regexall() and replace() (Go's RE2 syntax),
 * translated to Java's: {@code (?P<name>…)} groups, {@code $} as the end of the text, literal
 * {@code [} and {@code &} inside classes, POSIX classes; what RE2 rejects (back-references,
 * look-around, possessive quantifiers) fails as in Terraform, and what is not translated
 * ({@code (?U)}) is not evaluated. Replacements expand {@code $1}, {@code ${1}}, {@code $name}
 * and {@code $$} as Go does.
 */
final class GoRegex {
    /** The pattern cannot be evaluated here (not a Terraform failure). */
    static final class NotTranslated extends RuntimeException {
        NotTranslated() {
            super(null, null, false, false);
        }
    }

    /** Terraform rejects the pattern or finds no match. */
    static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alnum", "Alnum"),
            Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"), Map.entry("blank", "Blank"),
            Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"), Map.entry("graph", "Graph"),
            Map.entry("lower", "Lower"), Map.entry("print", "Print"), Map.entry("punct", "Punct"),
            Map.entry("space", "Space"), Map.entry("upper", "Upper"), Map.entry("xdigit", "XDigit"));

    private final Pattern pattern;
    /** Per capturing group (from 1), its RE2 name or null. */
    private final List<String> names;

    private GoRegex(Pattern pattern, List<String> names) {
        this.pattern = pattern;
        this.names = names;
    }

    static GoRegex compile(String re2) {
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        boolean multiline = false;
        int i = 0;
        while (i < re2.length()) {
            char c = re2.charAt(i);
            if (c == '\\') {
                if (i + 1 >= re2.length()) {
                    throw new Rejected("trailing backslash");
                }
                char next = re2.charAt(i + 1);
                if (next == 'Q') {
                    // Quoted text up to \E: literal in both syntaxes.
                    int end = re2.indexOf("\\E", i + 2);
                    out.append(Pattern.quote(re2.substring(i + 2, end < 0 ? re2.length() : end)));
                    i = end < 0 ? re2.length() : end + 2;
                    continue;
                }
                if (next == 'v') {
                    out.append("\\x0B"); // RE2's vertical tab; Java's \v is a class
                    i += 2;
                    continue;
                }
                if (Character.isDigit(next) && next != '0') {
                    throw new Rejected("back-references are not supported");
                }
                if (next == 'Z' || next == 'G' || next == 'R' || next == 'X' || next == 'h' || next == 'H'
                        || next == 'V' || next == 'k' || next == 'K') {
                    throw new Rejected("invalid escape sequence");
                }
                out.append(c).append(next);
                i += 2;
                continue;
            }
            if (c == '[') {
                i = characterClass(re2, i, out);
                continue;
            }
            if (c == '$') {
                out.append(multiline ? "$" : "\\z");
                i++;
                continue;
            }
            if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < re2.length() && re2.charAt(i + 1) == '+') {
                throw new Rejected("invalid nested repetition operator");
            }
            if (c == '(') {
                boolean named = re2.startsWith("(?P<", i) || re2.startsWith("(?<", i) && !re2.startsWith("(?<=", i)
                        && !re2.startsWith("(?<!", i);
                if (named) {
                    int end = re2.indexOf('>', i);
                    if (end < 0) {
                        throw new Rejected("invalid named capture");
                    }
                    names.add(re2.substring(re2.charAt(i + 2) == 'P' ? i + 4 : i + 3, end));
                    out.append('(');
                    i = end + 1;
                    continue;
                }
                if (re2.startsWith("(?", i)) {
                    int j = i + 2;
                    while (j < re2.length() && "imsU-".indexOf(re2.charAt(j)) >= 0) {
                        j++;
                    }
                    if (j >= re2.length() || (re2.charAt(j) != ':' && re2.charAt(j) != ')')) {
                        throw new Rejected("invalid or unsupported Perl syntax"); // look-around, (?<name>…), …
                    }
                    String flags = re2.substring(i + 2, j);
                    if (flags.contains("U")) {
                        throw new NotTranslated();
                    }
                    // (?m) from here on: $ is the end of a line (as Java's, with UNIX_LINES).
                    multiline |= flags.indexOf('m') >= 0 && flags.indexOf('m') < indexOrEnd(flags);
                    out.append(re2, i, j + 1);
                    i = j + 1;
                    continue;
                }
                names.add(null);
            }
            out.append(c);
            i++;
        }
        try {
            return new GoRegex(Pattern.compile(out.toString(), Pattern.UNIX_LINES), names);
        } catch (PatternSyntaxException e) {
            throw new Rejected("invalid pattern: " + e.getDescription());
        } catch (StackOverflowError e) {
            throw new NotTranslated();
        }
    }

    private static int indexOrEnd(String flags) {
        int minus = flags.indexOf('-');
        return minus < 0 ? flags.length() : minus;
    }

    /** Copies a character class from {@code start} (its '['), escaping what Java reads differently. */
    private static int characterClass(String re2, int start, StringBuilder out) {
        out.append('[');
        int i = start + 1;
        if (i < re2.length() && re2.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < re2.length() && re2.charAt(i) == ']') {
            out.append("\\]"); // a ] first in the class is literal
            i++;
        }
        while (i < re2.length()) {
            char c = re2.charAt(i);
            if (c == ']') {
                out.append(']');
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= re2.length()) {
                    throw new Rejected("trailing backslash");
                }
                out.append(c).append(re2.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '[' && re2.startsWith("[:", i)) {
                int end = re2.indexOf(":]", i + 2);
                if (end > 0) {
                    String name = re2.substring(i + 2, end);
                    boolean negated = name.startsWith("^");
                    String java = POSIX.get(negated ? name.substring(1) : name);
                    if (name.equals("word") || name.equals("^word")) {
                        out.append(negated ? "\\W" : "\\w");
                    } else if (java == null) {
                        throw new Rejected("invalid character class range");
                    } else {
                        out.append(negated ? "\\P{" : "\\p{").append(java).append('}');
                    }
                    i = end + 2;
                    continue;
                }
            }
            if (c == '[' || c == '&' || c == '~') {
                out.append('\\'); // literal in RE2, a nested class or an intersection in Java
            }
            out.append(c);
            i++;
        }
        throw new Rejected("missing closing ]");
    }

    /** regex(): the first match (text, list of groups, or map of named groups); no match fails. */
    Value first(String text, Range range) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new Rejected("the pattern did not match");
        }
        return result(m, range);
    }

    /** regexall(): every match, as regex() gives each. */
    Value all(String text, Range range) {
        List<Value> out = new ArrayList<>();
        for (MatchResult match : matches(text)) {
            out.add(result(match, range));
        }
        return new Value.ListValue(List.copyOf(out), range);
    }

    /** Successive matches as Go finds them: an empty match right after the previous match is skipped. */
    private List<MatchResult> matches(String text) {
        Matcher m = pattern.matcher(text);
        List<MatchResult> out = new ArrayList<>();
        int previousEnd = -1;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == previousEnd) {
                continue;
            }
            out.add(m.toMatchResult());
            previousEnd = m.end();
        }
        return out;
    }

    private Value result(MatchResult m, Range range) {
        if (names.isEmpty()) {
            return new Value.Text(m.group(), range);
        }
        boolean named = names.get(0) != null;
        for (String name : names) {
            if ((name != null) != named) {
                throw new Rejected("the pattern has both named and unnamed groups");
            }
        }
        if (named) {
            Map<String, Value.Entry> map = new LinkedHashMap<>();
            for (int g = 1; g <= names.size(); g++) {
                map.put(names.get(g - 1), new Value.Entry(names.get(g - 1), range, group(m, g, range)));
            }
            return new Value.MapValue(map, range);
        }
        List<Value> groups = new ArrayList<>();
        for (int g = 1; g <= names.size(); g++) {
            groups.add(group(m, g, range));
        }
        return new Value.ListValue(List.copyOf(groups), range);
    }

    private static Value group(MatchResult m, int g, Range range) {
        String s = m.group(g);
        return s == null ? new Value.Null(range) : new Value.Text(s, range);
    }

    /** replace() with a pattern: every match replaced, with Go's expansion of the replacement. */
    String replaceAll(String text, String replacement) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (MatchResult match : matches(text)) {
            out.append(text, last, match.start());
            expand(match, replacement, out);
            last = match.end();
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    /** Go's Regexp.Expand: $name or ${name}, a number or a group's name; $$ is $; an unknown name is empty. */
    private void expand(MatchResult m, String template, StringBuilder out) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int next;
            if (template.charAt(i + 1) == '{') {
                int end = template.indexOf('}', i + 2);
                name = end < 0 ? "" : template.substring(i + 2, end);
                next = end + 1;
            } else {
                int j = i + 1;
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j))
                        || template.charAt(j) == '_')) {
                    j++;
                }
                name = template.substring(i + 1, j);
                next = j;
            }
            if (name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                out.append('$'); // malformed: the $ is text
                i++;
                continue;
            }
            out.append(groupText(m, name));
            i = next;
        }
    }

    private String groupText(MatchResult m, String name) {
        int group = -1;
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                group = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return "";
            }
        } else {
            group = names.indexOf(name) + 1;
        }
        if (group < 0 || group > m.groupCount() || (group == 0 && !name.chars().allMatch(Character::isDigit))) {
            return "";
        }
        String s = m.group(group);
        return s == null ? "" : s;
    }
}

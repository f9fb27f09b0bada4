package dev.trailwatch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the findings and input errors a fixture expects, written inside it or beside it. Each
 * finding is checked on its whole range, as the JSON and SARIF reports give it: start line and
 * column, end line and end column, the end being the column just after the last character.
 *
 * <p>YAML and HCL fixtures carry markers. A finding's line ends with a comment
 * {@code # expect: RULE {{message}}} (one {@code RULE {{…}}} per finding when several share the
 * line; they then share one range), and the next line is a caret line:
 * <ul>
 *   <li>{@code #     ^^^^^^} : the range starts at the first caret's column and, on the same line,
 *       ends after the last caret (the run is as long as the range);</li>
 *   <li>{@code #     ^ +2:10} : a range that spans lines starts at the single caret and ends
 *       2 lines below the marker's line, at end column 10.</li>
 * </ul>
 * Where no caret fits (the range starts in column 1, which the comment sign takes), the marker
 * says it: {@code # expect@1-36: …} is columns 1 to 36 of its line, {@code # expect@1-+2:4: …}
 * ends 2 lines below at end column 4.
 *
 * <p>An input error is expected the same way, with {@code # expect-error: {{message}}} and a
 * single caret marking its column, or, for an error the scan reports in another file (a module
 * that file calls), {@code # expect-error: PATH:LINE:COLUMN {{message}}} with PATH relative to the
 * fixture's folder.
 *
 * <p>A JSON fixture has a sibling {@code NAME.expected} file instead, one expectation a line:
 * {@code LINE:COLUMN-ENDLINE:ENDCOLUMN RULE {{message}}}, or {@code error LINE:COLUMN {{message}}};
 * lines starting with {@code #} are comments.
 *
 * <p>A line that looks like a marker but cannot be read, or a caret line under no marker, is an
 * error: a mistyped marker would otherwise expect nothing and pass.
 */
public final class ExpectedFindings {
    /** What a fixture expects: findings as {@code L:C-EL:EC RULE message}, errors as {@code FILE:L:C message}. */
    public record Expected(List<String> findings, List<String> errors) {}

    private static final Pattern MARKER = Pattern.compile(
            "#\\s*expect(?:@(\\d+)-(?:\\+(\\d+):)?(\\d+))?:((?:\\s*TW\\d{3}\\s*\\{\\{.*?}})+)\\s*$");
    private static final Pattern ERROR_MARKER = Pattern.compile(
            "#\\s*expect-error:\\s*(?:(\\S+):(\\d+):(\\d+)\\s+)?\\{\\{(.*)}}\\s*$");
    private static final Pattern LOOKS_LIKE_A_MARKER = Pattern.compile("#\\s*expect(?:[@:-])");
    private static final Pattern EXPECTATION = Pattern.compile("(TW\\d{3})\\s*\\{\\{(.*?)}}");
    private static final Pattern CARET = Pattern.compile("^\\s*#\\s*(\\^+)(?:\\s+\\+(\\d+):(\\d+))?\\s*$");
    private static final Pattern EXPECTED_LINE =
            Pattern.compile("^(\\d+):(\\d+)-(\\d+):(\\d+)\\s+(TW\\d{3})\\s+\\{\\{(.*)}}\\s*$");
    private static final Pattern EXPECTED_ERROR_LINE = Pattern.compile("^error\\s+(\\d+):(\\d+)\\s+\\{\\{(.*)}}\\s*$");

    private ExpectedFindings() {}

    /** Each expected finding as {@code line:column-endLine:endColumn RULE message}. */
    public static List<String> of(Path fixture) throws IOException {
        return expected(fixture).findings();
    }

    /** The findings and the input errors ({@code file:line:column message}, file as the scan shows it). */
    public static Expected expected(Path fixture) throws IOException {
        Path sibling = fixture.resolveSibling(fixture.getFileName() + ".expected");
        if (Files.exists(sibling)) {
            return fromExpectedFile(fixture, sibling);
        }
        return fromMarkers(fixture);
    }

    private static Expected fromExpectedFile(Path fixture, Path file) throws IOException {
        List<String> findings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = EXPECTED_LINE.matcher(line);
            Matcher error = EXPECTED_ERROR_LINE.matcher(line);
            if (m.matches()) {
                findings.add(range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))) + " " + m.group(5) + " " + m.group(6));
            } else if (error.matches()) {
                errors.add(shown(fixture) + ":" + error.group(1) + ":" + error.group(2) + " " + error.group(3));
            } else {
                throw new IllegalArgumentException(file + ": cannot read expectation '" + line + "'");
            }
        }
        return new Expected(findings, errors);
    }

    private static Expected fromMarkers(Path fixture) throws IOException {
        List<String> lines = Files.readAllLines(fixture, StandardCharsets.UTF_8);
        List<String> findings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean[] caretUsed = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            Matcher m = MARKER.matcher(line);
            Matcher error = ERROR_MARKER.matcher(line);
            if (m.find()) {
                String range;
                if (m.group(1) != null) {
                    int endLine = number + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
                    range = range(number, Integer.parseInt(m.group(1)), endLine, Integer.parseInt(m.group(3)));
                } else {
                    Caret caret = caretBelow(fixture, lines, i);
                    caretUsed[i + 1] = true;
                    range = caret.range(number);
                }
                Matcher each = EXPECTATION.matcher(m.group(4));
                while (each.find()) {
                    findings.add(range + " " + each.group(1) + " " + each.group(2));
                }
            } else if (error.find()) {
                if (error.group(1) != null) {
                    Path file = fixture.resolveSibling(error.group(1)).normalize();
                    errors.add(shown(file) + ":" + error.group(2) + ":" + error.group(3) + " " + error.group(4));
                } else {
                    Caret caret = caretBelow(fixture, lines, i);
                    caretUsed[i + 1] = true;
                    if (caret.length() != 1 || caret.linesBelow() != 0) {
                        throw new IllegalArgumentException(fixture + ":" + (i + 2)
                                + ": an input error has a position, not a range: one caret");
                    }
                    errors.add(shown(fixture) + ":" + number + ":" + caret.column() + " " + error.group(4));
                }
            } else if (LOOKS_LIKE_A_MARKER.matcher(line).find()) {
                throw new IllegalArgumentException(fixture + ":" + number + ": cannot read the marker '" + line.strip()
                        + "' (see ExpectedFindings for the forms)");
            } else if (CARET.matcher(line).matches() && !caretUsed[i]) {
                throw new IllegalArgumentException(fixture + ":" + number + ": a caret line under no marker");
            }
        }
        return new Expected(findings, errors);
    }

    /** A caret line: where the run starts, how long it is, and for a range spanning lines, where it ends. */
    private record Caret(int column, int length, int linesBelow, int endColumn) {
        String range(int line) {
            return linesBelow == 0 ? ExpectedFindings.range(line, column, line, column + length)
                    : ExpectedFindings.range(line, column, line + linesBelow, endColumn);
        }
    }

    private static Caret caretBelow(Path fixture, List<String> lines, int markerIndex) {
        Matcher caret = markerIndex + 1 < lines.size() ? CARET.matcher(lines.get(markerIndex + 1)) : null;
        if (caret == null || !caret.matches()) {
            throw new IllegalArgumentException(fixture + ":" + (markerIndex + 1) + ": a marker needs a caret line"
                    + " below it ('#   ^^^^' or '#   ^ +LINES:ENDCOLUMN'), or expect@COLUMN-ENDCOLUMN");
        }
        int column = caret.start(1) + 1;
        int length = caret.group(1).length();
        if (caret.group(2) == null) {
            return new Caret(column, length, 0, 0);
        }
        if (length != 1) {
            throw new IllegalArgumentException(fixture + ":" + (markerIndex + 2)
                    + ": a range that spans lines is one caret and +LINES:ENDCOLUMN");
        }
        return new Caret(column, 1, Integer.parseInt(caret.group(2)), Integer.parseInt(caret.group(3)));
    }

    private static String range(int line, int column, int endLine, int endColumn) {
        return line + ":" + column + "-" + endLine + ":" + endColumn;
    }

    /** A path as the scan names it: relative, with forward slashes. */
    private static String shown(Path file) {
        return file.toString().replace('\\', '/');
    }
}

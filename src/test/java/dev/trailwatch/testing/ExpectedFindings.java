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
 * Reads the findings a fixture expects, written inside it (YAML and HCL: a trailing
 * {@code # expect: RULE {{message}}} comment on the finding's line, with one {@code RULE {{…}}}
 * per finding when several share the line, and a {@code # ^} line below whose caret marks the
 * column, or {@code # expect@1:} for column 1, where no caret fits) or, for JSON, in a sibling {@code NAME.expected} file of
 * {@code line:column RULE {{message}}} lines.
 */
public final class ExpectedFindings {
    private static final Pattern MARKER =
            Pattern.compile("#\\s*expect(?:@(\\d+))?:((?:\\s*TW\\d{3}\\s*\\{\\{.*?}})+)\\s*$");
    private static final Pattern EXPECTATION = Pattern.compile("(TW\\d{3})\\s*\\{\\{(.*?)}}");
    private static final Pattern CARET = Pattern.compile("^\\s*#\\s*(\\^+)\\s*$");
    private static final Pattern EXPECTED_LINE = Pattern.compile("^(\\d+):(\\d+)\\s+(TW\\d{3})\\s+\\{\\{(.*)}}\\s*$");

    private ExpectedFindings() {}

    /** Each expected finding as {@code line:column RULE message}. */
    public static List<String> of(Path fixture) throws IOException {
        Path sibling = fixture.resolveSibling(fixture.getFileName() + ".expected");
        if (Files.exists(sibling)) {
            return fromExpectedFile(sibling);
        }
        return fromMarkers(fixture);
    }

    public static boolean hasExpectations(Path fixture) throws IOException {
        return !of(fixture).isEmpty();
    }

    private static List<String> fromExpectedFile(Path file) throws IOException {
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = EXPECTED_LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(file + ": cannot read expectation '" + line + "'");
            }
            expected.add(m.group(1) + ":" + m.group(2) + " " + m.group(3) + " " + m.group(4));
        }
        return expected;
    }

    private static List<String> fromMarkers(Path fixture) throws IOException {
        List<String> lines = Files.readAllLines(fixture, StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            int column;
            if (m.group(1) != null) {
                column = Integer.parseInt(m.group(1)); // column 1, where no caret fits after a comment sign
            } else {
                Matcher caret = i + 1 < lines.size() ? CARET.matcher(lines.get(i + 1)) : null;
                if (caret == null || !caret.matches()) {
                    throw new IllegalArgumentException(fixture + ":" + (i + 1) + ": an expect marker needs a '# ^'"
                            + " line below it whose caret marks the column, or expect@COLUMN");
                }
                column = caret.start(1) + 1;
            }
            Matcher each = EXPECTATION.matcher(m.group(2));
            while (each.find()) {
                expected.add((i + 1) + ":" + column + " " + each.group(1) + " " + each.group(2));
            }
        }
        return expected;
    }
}

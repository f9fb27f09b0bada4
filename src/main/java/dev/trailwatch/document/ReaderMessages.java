package dev.trailwatch.document;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Position;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.reader.ReaderException;

/** The JSON and YAML readers' complaints, said where and why, in the user's terms. */
final class ReaderMessages {
    private static final Pattern START_MARKER = Pattern.compile(
            "\\(start marker at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile(" ?(at )?\\[Source: [^\\]]*\\]");

    private ReaderMessages() {}

    /** Without Jackson's description of the source ("REDACTED"): the position is given apart. */
    static String withoutSource(String message) {
        Matcher marker = START_MARKER.matcher(message);
        String out = marker.replaceAll("(opened at line $1, column $2)");
        return SOURCE.matcher(out).replaceAll("");
    }

    /** A limit of the reader: nesting depth, or the length of one number or string. */
    static String constraint(StreamConstraintsException e, int maxNesting) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher length = Pattern.compile("(Number|String|Name) value length \\((\\d+)\\) exceeds the maximum allowed"
                + " \\((\\d+)").matcher(message);
        if (length.find()) {
            String what = length.group(1).equals("Number") ? "a number of " + length.group(2) + " digits"
                    : (length.group(1).equals("Name") ? "a key of " : "a string of ") + length.group(2)
                            + " characters";
            return what + ", longer than the reader's limit of " + length.group(3);
        }
        if (message.contains("nesting depth") || message.contains("Nesting depth")) {
            return "nested too deeply (more than " + maxNesting + " levels)";
        }
        return withoutSource(message.lines().findFirst().orElse("a limit of the reader exceeded"));
    }

    /**
     * The YAML reader takes time that grows with the square of a line's length (a 16 MB scalar on
     * one line: minutes); no template has a line near this long.
     */
    static final int MAX_YAML_LINE = 1024 * 1024;

    /** A line longer than {@link #MAX_YAML_LINE} is an error at its start, before the reader sees it. */
    static void checkYamlLineLengths(String text) throws InputException {
        int line = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            if (stop - start > MAX_YAML_LINE) {
                throw new InputException("a line of " + (stop - start) + " characters, longer than the " + MAX_YAML_LINE
                        + " that YAML is read with", new Position(line, 1));
            }
            if (end < 0) {
                return;
            }
            start = end + 1;
            line++;
        }
    }

    /** A character YAML does not allow (a control character), at its own line and column; null for other problems. */
    static InputException unreadableCharacter(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReaderException r) {
                return new InputException(String.format("character U+%04X is not allowed in YAML", r.getCodePoint()),
                        positionOfCodePoint(text, r.getPosition()));
            }
        }
        return null;
    }

    private static Position positionOfCodePoint(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int i = 0;
        for (int n = 0; n < codePointIndex && i < text.length(); n++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column += Character.charCount(c);
            }
        }
        return new Position(line, column);
    }
}

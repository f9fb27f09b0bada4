package dev.trailwatch.report;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.source.DisplayPaths;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler form {@code file:line:col: severity RULE message}, one finding a line, which IDEs
 * and editors parse with no configuration; with {@code showSource}, the source line and a caret
 * under the column follow. Colour only on a terminal. Suppressed findings are not shown; input
 * errors go to standard error, not here.
 */
public final class TextReport implements Report {
    private static final String RESET = "\u001b[0m";
    private final boolean showSource;
    private final boolean colour;
    private final DisplayPaths paths;
    private final boolean listSuppressions;

    public TextReport() {
        this(false, false, null);
    }

    public TextReport(boolean showSource, boolean colour, DisplayPaths paths) {
        this(showSource, colour, paths, false);
    }

    /** With {@code listSuppressions}, every suppression that held follows the findings, one a line. */
    public TextReport(boolean showSource, boolean colour, DisplayPaths paths, boolean listSuppressions) {
        this.showSource = showSource;
        this.colour = colour;
        this.paths = paths;
        this.listSuppressions = listSuppressions;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        Map<String, List<String>> sources = new HashMap<>();
        for (Finding f : result.reported()) {
            String severity = f.severity().label();
            if (colour) {
                String code = switch (f.severity()) {
                    case ERROR -> "\u001b[31m";
                    case WARNING -> "\u001b[33m";
                    case NOTE -> "\u001b[36m";
                };
                severity = code + severity + RESET;
            }
            out.write(f.location().file() + ":" + f.location().line() + ":" + f.location().column() + ": " + severity
                    + " " + f.ruleId() + " " + f.message() + "\n");
            if (showSource && paths != null) {
                List<String> lines = sources.computeIfAbsent(f.location().file(), this::lines);
                int line = f.location().line();
                if (line >= 1 && line <= lines.size()) {
                    String text = lines.get(line - 1);
                    out.write("    " + text + "\n");
                    out.write("    " + " ".repeat(Math.max(0, f.location().column() - 1)) + "^\n");
                }
            }
        }
        if (listSuppressions) {
            writeSuppressions(result, out);
        }
    }

    /**
     * {@code file:line:col: suppression KIND RULES on RESOURCES: reason (expires DATE); N findings},
     * in the compiler form, so that an editor jumps to each; a baseline has no place of its own.
     */
    private void writeSuppressions(ScanResult result, Writer out) throws IOException {
        for (ScanResult.SuppressionInForce s : result.suppressionsInForce()) {
            String where = s.at() == null ? "(baseline)" : s.at().file() + ":" + s.at().line() + ":" + s.at().column();
            out.write(where + ": suppression " + s.kind().label() + " " + String.join(",", s.rules()) + " on "
                    + String.join(", ", s.resources()) + ": " + s.reason()
                    + (s.expires() == null ? "" : " (expires " + s.expires() + ")") + "; " + s.findings()
                    + (s.findings() == 1 ? " finding" : " findings") + "\n");
        }
    }

    private List<String> lines(String file) {
        try {
            Path path = paths.workingDirectory().resolve(file);
            return Files.readString(path, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // a file gone since the scan: the finding line stands alone
        }
    }
}

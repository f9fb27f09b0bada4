package dev.trailwatch.report;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.source.InputError;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle XML, read by reviewdog, Jenkins' warnings plugin and many IDE plugins. Input errors
 * are error entries ({@code source="trailwatch.input-error"}) at their position.
 */
public final class CheckstyleReport implements Report {
    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        Map<String, List<InputError>> errorsByFile = new LinkedHashMap<>();
        for (Finding f : result.reported()) {
            byFile.computeIfAbsent(f.location().file(), k -> new java.util.ArrayList<>()).add(f);
        }
        for (InputError e : result.errors()) {
            byFile.computeIfAbsent(e.file(), k -> new java.util.ArrayList<>());
            errorsByFile.computeIfAbsent(e.file(), k -> new java.util.ArrayList<>()).add(e);
        }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
            out.write("  <file name=\"" + Xml.escape(file.getKey()) + "\">\n");
            // A file that could not be read was not checked: its error is an error entry at its position.
            for (InputError e : errorsByFile.getOrDefault(file.getKey(), List.of())) {
                int line = e.position() == null ? 1 : e.position().line();
                int column = e.position() == null ? 1 : e.position().column();
                out.write("    <error line=\"" + line + "\" column=\"" + column + "\" severity=\"error\" message=\""
                        + Xml.escape(e.message()) + "\" source=\"trailwatch.input-error\"/>\n");
            }
            for (Finding f : file.getValue()) {
                String severity = f.severity().label().equals("note") ? "info" : f.severity().label();
                out.write("    <error line=\"" + f.location().line() + "\" column=\"" + f.location().column()
                        + "\" severity=\"" + severity + "\" message=\"" + Xml.escape(f.message())
                        + "\" source=\"trailwatch." + f.ruleId() + "\"/>\n");
            }
            out.write("  </file>\n");
        }
        out.write("</checkstyle>\n");
    }
}

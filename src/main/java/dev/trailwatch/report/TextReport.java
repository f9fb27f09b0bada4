package dev.trailwatch.report;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;

/**
 * The compiler form {@code file:line:col: severity RULE message}, one finding a line, which IDEs
 * and editors parse with no configuration. Input errors go to standard error, not here.
 */
public final class TextReport implements Report {
    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        for (Finding finding : result.findings()) {
            out.write(finding.location().file() + ":" + finding.location().line() + ":" + finding.location().column()
                    + ": " + finding.severity().label() + " " + finding.ruleId() + " " + finding.message() + "\n");
        }
    }
}

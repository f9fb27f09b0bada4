package dev.trailwatch.report;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.source.InputError;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands, one a finding, which GitHub shows as annotations on the pull
 * request: {@code ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=TW001::message}. Input
 * errors are {@code ::error} annotations at their position.
 */
public final class GithubReport implements Report {
    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        for (Finding f : result.reported()) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            out.write("::" + command + " file=" + property(f.location().file())
                    + ",line=" + f.location().line() + ",col=" + f.location().column()
                    + ",endLine=" + f.location().range().end().line()
                    + ",endColumn=" + f.location().range().end().column()
                    + ",title=" + property(f.ruleId() + " " + f.resource().address())
                    + "::" + data(f.message()) + "\n");
        }
        // A file that could not be read was not checked: the pull request must point at it too.
        for (InputError e : result.errors()) {
            String at = e.position() == null ? "" : ",line=" + e.position().line() + ",col=" + e.position().column();
            out.write("::error file=" + property(e.file()) + at + ",title=" + property("trailwatch: input error")
                    + "::" + data(e.message()) + "\n");
        }
    }

    /** The escaping GitHub requires in a command's message. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The escaping GitHub requires in a command's properties. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}

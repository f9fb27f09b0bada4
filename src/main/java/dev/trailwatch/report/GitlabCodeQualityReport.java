package dev.trailwatch.report;

import dev.trailwatch.source.Digests;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.source.InputError;
import java.io.IOException;
import java.io.Writer;

/**
 * GitLab's Code Quality report (a JSON array of {@code description}, {@code check_name},
 * {@code fingerprint}, {@code severity}, {@code location.path}, {@code location.lines.begin}),
 * which GitLab shows in the merge request widget. Input errors are reported too, as
 * {@code trailwatch.input-error}: a file that could not be read was not checked. Suppressed
 * findings are left out: GitLab has no notion of them.
 */
public final class GitlabCodeQualityReport implements Report {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean showsFingerprints() {
        return true;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        JsonGenerator json = JSON.getFactory().createGenerator(out);
        json.setPrettyPrinter(new DefaultPrettyPrinter());
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        json.writeStartArray();
        for (Finding f : result.reported()) {
            String fingerprint = f.fingerprint() != null ? f.fingerprint()
                    : Digests.sha256(f.ruleId() + "\n" + f.location().file() + "\n" + f.resource().address() + "\n" + f.message());
            issue(json, f.ruleId() + ": " + f.message(), "trailwatch." + f.ruleId(),
                    fingerprint, severity(f), f.location().file(), f.location().line());
        }
        for (InputError e : result.errors()) {
            int line = e.position() == null ? 1 : e.position().line();
            issue(json, e.message(), "trailwatch.input-error", Digests.sha256("input-error\n" + e.file() + "\n" + e.message()),
                    "critical", e.file(), line);
        }
        json.writeEndArray();
        json.flush();
        out.write("\n");
    }

    private static void issue(JsonGenerator json, String description, String checkName, String fingerprint,
            String severity, String path, int line) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "issue");
        json.writeStringField("description", description);
        json.writeStringField("check_name", checkName);
        json.writeStringField("fingerprint", fingerprint);
        json.writeStringField("severity", severity);
        json.writeObjectFieldStart("location");
        json.writeStringField("path", path);
        json.writeObjectFieldStart("lines");
        json.writeNumberField("begin", line);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** GitLab's scale: info, minor, major, critical, blocker. */
    private static String severity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "major";
            case WARNING -> "minor";
            case NOTE -> "info";
        };
    }
}

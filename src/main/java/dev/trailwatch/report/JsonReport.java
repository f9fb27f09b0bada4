package dev.trailwatch.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailwatch.Version;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.source.InputError;
import dev.trailwatch.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** The machine contract of the specification: fields may be added, never renamed. */
public final class JsonReport implements Report {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public boolean showsFingerprints() {
        return true;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeObjectFieldStart("tool");
        json.writeStringField("name", "trailwatch");
        json.writeStringField("version", Version.VALUE);
        json.writeEndObject();

        json.writeArrayFieldStart("findings");
        for (Finding finding : result.findings()) {
            writeFinding(json, finding);
        }
        json.writeEndArray();

        json.writeArrayFieldStart("errors");
        for (InputError error : result.errors()) {
            json.writeStartObject();
            json.writeStringField("file", error.file());
            if (error.position() != null) {
                json.writeNumberField("line", error.position().line());
                json.writeNumberField("column", error.position().column());
            }
            json.writeStringField("message", error.message());
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeObjectFieldStart("summary");
        json.writeNumberField("files", result.files());
        json.writeNumberField("resources", result.resources());
        json.writeNumberField("trails", result.trails());
        json.writeNumberField("findings", result.reported().size());
        json.writeNumberField("errors", result.errors().size());
        json.writeNumberField("suppressed", result.suppressed());
        json.writeNumberField("unknownValues", result.unknownValues());
        json.writeEndObject();
        // Every suppression that held, for a reviewer: where it is written, what it silenced, why, until when.
        json.writeArrayFieldStart("suppressions");
        for (ScanResult.SuppressionInForce s : result.suppressionsInForce()) {
            json.writeStartObject();
            json.writeStringField("kind", s.kind().label());
            if (s.at() != null) {
                json.writeStringField("file", s.at().file());
                json.writeNumberField("line", s.at().line());
                json.writeNumberField("column", s.at().column());
            }
            json.writeArrayFieldStart("rules");
            for (String rule : s.rules()) {
                json.writeString(rule);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("resources");
            for (String resource : s.resources()) {
                json.writeString(resource);
            }
            json.writeEndArray();
            json.writeStringField("reason", s.reason());
            if (s.expires() != null) {
                json.writeStringField("expires", s.expires().toString());
            }
            json.writeNumberField("findings", s.findings());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
        out.write("\n");
    }

    private static void writeFinding(JsonGenerator json, Finding finding) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", finding.ruleId());
        json.writeStringField("severity", finding.severity().label());
        json.writeStringField("file", finding.location().file());
        json.writeNumberField("line", finding.location().line());
        json.writeNumberField("column", finding.location().column());
        json.writeNumberField("endLine", finding.location().range().end().line());
        json.writeNumberField("endColumn", finding.location().range().end().column());
        json.writeObjectFieldStart("resource");
        json.writeStringField("type", finding.resource().type());
        json.writeStringField("name", finding.resource().name());
        json.writeStringField("address", finding.resource().address());
        json.writeEndObject();
        json.writeStringField("message", finding.message());
        json.writeStringField("remediation", finding.remediation());
        if (finding.fingerprint() != null) {
            json.writeStringField("fingerprint", finding.fingerprint());
        }
        if (finding.isSuppressed()) {
            json.writeObjectFieldStart("suppressed");
            json.writeStringField("kind", finding.suppressed().kind().label());
            json.writeStringField("reason", finding.suppressed().reason());
            if (finding.suppressed().expires() != null) {
                json.writeStringField("expires", finding.suppressed().expires().toString());
            } else {
                json.writeNullField("expires");
            }
            json.writeEndObject();
        }
        if (!finding.related().isEmpty()) {
            json.writeArrayFieldStart("related");
            for (Finding.Related related : finding.related()) {
                json.writeStartObject();
                json.writeStringField("file", related.location().file());
                json.writeNumberField("line", related.location().line());
                json.writeNumberField("column", related.location().column());
                json.writeStringField("message", related.message());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}

package dev.trailwatch.report;

import dev.trailwatch.model.Suppression;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailwatch.Version;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.RuleMetadata;
import dev.trailwatch.rules.Rules;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.source.InputError;
import dev.trailwatch.source.Location;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SARIF 2.1.0 for code scanning: one run, every rule's metadata (with security-severity, versioned
 * control tags and the peers' ids), relative artifact URIs under {@code %SRCROOT%}, a stable
 * partial fingerprint per result, and suppressed findings with their suppressions.
 */
public final class SarifReport implements Report {
    static final String FINGERPRINT_KEY = "trailwatch/v1";
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public boolean showsFingerprints() {
        return true;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        List<RuleMetadata> rules = new ArrayList<>();
        for (Rule rule : Rules.all()) {
            rules.add(rule.metadata());
        }
        JsonGenerator json = JSON.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        writeTool(json, rules);
        json.writeObjectFieldStart("originalUriBaseIds");
        json.writeObjectFieldStart("%SRCROOT%");
        json.writeStringField("uri", sourceRoot().toUri().toString());
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("results");
        for (Finding finding : result.findings()) {
            writeResult(json, finding, rules);
        }
        json.writeEndArray();
        writeInvocation(json, result.errors());
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
        out.write("\n");
    }

    private static void writeTool(JsonGenerator json, List<RuleMetadata> rules) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "trailwatch");
        json.writeStringField("version", Version.VALUE);
        json.writeStringField("semanticVersion", Version.VALUE);
        json.writeArrayFieldStart("rules");
        for (RuleMetadata rule : rules) {
            json.writeStartObject();
            json.writeStringField("id", rule.id());
            json.writeStringField("name", rule.name());
            json.writeObjectFieldStart("shortDescription");
            json.writeStringField("text", rule.summary());
            json.writeEndObject();
            String explanation = rule.explanation();
            json.writeObjectFieldStart("fullDescription");
            json.writeStringField("text", explanation == null ? rule.summary() : firstParagraph(explanation));
            json.writeEndObject();
            json.writeObjectFieldStart("help");
            json.writeStringField("text", explanation == null ? rule.summary() : explanation);
            json.writeEndObject();
            json.writeStringField("helpUri", rule.helpUri());
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", level(rule.severity().label()));
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            json.writeStringField("security-severity", rule.securitySeverity());
            json.writeStringField("precision", "high");
            json.writeArrayFieldStart("tags");
            for (String tag : rule.tags()) {
                json.writeString(tag);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("peerIds");
            for (String peer : rule.peerIds()) {
                json.writeString(peer);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, Finding f, List<RuleMetadata> rules) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", f.ruleId());
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(f.ruleId())) {
                json.writeNumberField("ruleIndex", i);
            }
        }
        json.writeStringField("level", level(f.severity().label()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", f.message());
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        writePhysical(json, f.location());
        json.writeArrayFieldStart("logicalLocations");
        json.writeStartObject();
        json.writeStringField("fullyQualifiedName", f.resource().address());
        json.writeStringField("kind", "resource");
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        if (!f.related().isEmpty()) {
            json.writeArrayFieldStart("relatedLocations");
            int id = 1;
            for (Finding.Related related : f.related()) {
                json.writeStartObject();
                json.writeNumberField("id", id++);
                writePhysical(json, related.location());
                json.writeObjectFieldStart("message");
                json.writeStringField("text", related.message());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (f.fingerprint() != null) {
            json.writeObjectFieldStart("partialFingerprints");
            json.writeStringField(FINGERPRINT_KEY, f.fingerprint());
            json.writeEndObject();
        }
        if (f.isSuppressed()) {
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            boolean inSource = f.suppressed().kind() == Suppression.Kind.INLINE
                    || f.suppressed().kind() == Suppression.Kind.METADATA;
            json.writeStringField("kind", inSource ? "inSource" : "external");
            if (f.suppressed().reason() != null) {
                json.writeStringField("justification", f.suppressed().reason());
            }
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /**
     * Whether the scan read everything (an input error also sets exit code 2), and each input
     * error as a notification, so that code scanning shows what was not analysed.
     */
    private static void writeInvocation(JsonGenerator json, List<InputError> errors) throws IOException {
        json.writeArrayFieldStart("invocations");
        json.writeStartObject();
        json.writeBooleanField("executionSuccessful", errors.isEmpty());
        if (!errors.isEmpty()) {
            json.writeArrayFieldStart("toolExecutionNotifications");
            for (InputError error : errors) {
                json.writeStartObject();
                json.writeStringField("level", "error");
                json.writeObjectFieldStart("message");
                json.writeStringField("text", error.message());
                json.writeEndObject();
                if (error.file() != null) {
                    json.writeArrayFieldStart("locations");
                    json.writeStartObject();
                    json.writeObjectFieldStart("physicalLocation");
                    writeArtifact(json, error.file());
                    if (error.position() != null) {
                        json.writeObjectFieldStart("region");
                        json.writeNumberField("startLine", Math.max(1, error.position().line()));
                        json.writeNumberField("startColumn", Math.max(1, error.position().column()));
                        json.writeEndObject();
                    }
                    json.writeEndObject();
                    json.writeEndObject();
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void writeArtifact(JsonGenerator json, String displayPath) throws IOException {
        json.writeObjectFieldStart("artifactLocation");
        Path file = Path.of("").toAbsolutePath().resolve(displayPath).normalize();
        Path root = sourceRoot();
        if (!file.startsWith(root)) {
            json.writeStringField("uri", file.toUri().toString());
        } else {
            json.writeStringField("uri", relativeUri(root.relativize(file).toString()));
            json.writeStringField("uriBaseId", "%SRCROOT%");
        }
        json.writeEndObject();
    }

    /**
     * {@code %SRCROOT%}: the repository's root (the nearest folder up from the working directory
     * that holds .git), so that paths are the repository's own even when trailwatch runs in a
     * subfolder, as code scanning matches them; the working directory outside a repository.
     */
    static Path sourceRoot() {
        Path here = Path.of("").toAbsolutePath().normalize();
        for (Path p = here; p != null; p = p.getParent()) {
            if (java.nio.file.Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return here;
    }

    private static void writePhysical(JsonGenerator json, Location location) throws IOException {
        json.writeObjectFieldStart("physicalLocation");
        writeArtifact(json, location.file());
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", Math.max(1, location.line()));
        json.writeNumberField("startColumn", Math.max(1, location.column()));
        json.writeNumberField("endLine", Math.max(location.line(), location.range().end().line()));
        json.writeNumberField("endColumn", Math.max(1, location.range().end().column()));
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A relative path as a URI reference: each segment percent-encoded where needed. */
    static String relativeUri(String path) {
        try {
            return new URI(null, null, path.replace('\\', '/'), null).getRawPath();
        } catch (URISyntaxException e) {
            return path.replace(" ", "%20");
        }
    }

    private static String level(String severity) {
        return switch (severity) {
            case "error" -> "error";
            case "warning" -> "warning";
            default -> "note";
        };
    }

    /**
     * The explanation's first paragraph of prose: under its first heading ("Why it matters"), the
     * heading itself left out, up to the first list item, without a sentence that only introduces
     * the list.
     */
    static String firstParagraph(String text) {
        String[] paragraphs = text.strip().split("\n\\s*\n");
        String paragraph = paragraphs.length > 1 ? paragraphs[1] : paragraphs[0];
        List<String> prose = new java.util.ArrayList<>();
        List<String> lines = paragraph.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && lines.size() > 1 && !lines.get(i).startsWith(" ")) {
                continue; // the heading
            }
            if (line.startsWith("- ") || line.matches("\\d+\\. .*")) {
                break;
            }
            prose.add(line);
        }
        String joined = String.join(" ", prose).replaceAll("\\s+", " ").strip();
        if (joined.endsWith(":")) {
            int end = Math.max(joined.lastIndexOf(". ", joined.length() - 2), -1);
            joined = end < 0 ? joined : joined.substring(0, end + 1);
        }
        return joined;
    }
}

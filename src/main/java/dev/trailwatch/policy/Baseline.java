package dev.trailwatch.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.InputFiles;
import dev.trailwatch.source.SourceFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The findings accepted as they are. Each entry keeps its fingerprint (what matching uses) and,
 * for the people reviewing a pull request that adds to it, the rule, resource, file and message;
 * entries are sorted (file, rule, resource, fingerprint) so that the file changes only where the
 * findings do: {@code {"version": 2, "findings": [{"fingerprint", "rule", "resource", "file",
 * "message"}]}}. Version 1's {@code {"fingerprints": [...]}} is still read.
 */
public final class Baseline {
    /** One accepted finding. */
    public record Entry(String fingerprint, String rule, String resource, String file, String message) {}

    private static final java.util.Comparator<Entry> ORDER = java.util.Comparator.comparing(Entry::file)
            .thenComparing(Entry::rule).thenComparing(Entry::resource).thenComparing(Entry::fingerprint);

    private Baseline() {}

    public static void write(Path file, Collection<Entry> entries) throws IOException {
        java.util.List<Entry> sorted = new java.util.ArrayList<>(entries);
        sorted.sort(ORDER);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("version", 2);
            json.writeArrayFieldStart("findings");
            java.util.Set<String> written = new java.util.HashSet<>();
            for (Entry e : sorted) {
                if (!written.add(e.fingerprint())) {
                    continue;
                }
                json.writeStartObject();
                json.writeStringField("fingerprint", e.fingerprint());
                json.writeStringField("rule", e.rule());
                json.writeStringField("resource", e.resource());
                json.writeStringField("file", e.file());
                json.writeStringField("message", e.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            out.write("\n");
        }
    }

    public static Set<String> read(Path file) throws InputException {
        byte[] bytes = InputFiles.read(file, InputFiles.BASELINE);
        Value root = DocumentParser.parseJson(SourceFile.decodeUtf8(bytes));
        Value.ListValue list = root instanceof Value.MapValue map ? (map.get("findings") instanceof Value.ListValue l ? l
                : map.get("fingerprints") instanceof Value.ListValue l1 ? l1 : null) : null;
        if (list == null) {
            throw new InputException("a baseline is {\"version\": 2, \"findings\": [{\"fingerprint\": …}, …]}",
                    root == null ? null : root.range().start());
        }
        Set<String> fingerprints = new TreeSet<>();
        for (Value item : list.items()) {
            Value fingerprint = Values.unwrap(item) instanceof Value.MapValue entry ? entry.get("fingerprint") : item;
            String text = fingerprint == null ? null : Values.scalarText(fingerprint);
            if (text == null) {
                throw new InputException("a fingerprint is a string", item.range().start());
            }
            fingerprints.add(text);
        }
        return fingerprints;
    }
}

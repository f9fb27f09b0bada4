package dev.trailwatch.suppress;

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

/** The fingerprints of findings accepted as they are: {@code {"version": 1, "fingerprints": [...]}}. */
public final class Baseline {
    private Baseline() {}

    public static void write(Path file, Collection<String> fingerprints) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("version", 1);
            json.writeArrayFieldStart("fingerprints");
            for (String fingerprint : new TreeSet<>(fingerprints)) {
                json.writeString(fingerprint);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    public static Set<String> read(Path file) throws InputException {
        byte[] bytes = InputFiles.read(file, InputFiles.BASELINE);
        Value root = DocumentParser.parseJson(SourceFile.decodeUtf8(bytes));
        if (!(root instanceof Value.MapValue map) || !(map.get("fingerprints") instanceof Value.ListValue list)) {
            throw new InputException("a baseline is {\"version\": 1, \"fingerprints\": [...]}",
                    root == null ? null : root.range().start());
        }
        Set<String> fingerprints = new TreeSet<>();
        for (Value item : list.items()) {
            String text = Values.scalarText(item);
            if (text == null) {
                throw new InputException("a fingerprint is a string", item.range().start());
            }
            fingerprints.add(text);
        }
        return fingerprints;
    }
}

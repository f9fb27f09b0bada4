package dev.trailwatch.cloudformation;

import dev.trailwatch.document.DocumentParser;

import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Location;
import dev.trailwatch.source.Position;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameter values given on the command line ({@code --parameter}) or in a parameters file
 * ({@code --parameters-file}), later ones overriding earlier ones. Each keeps where it was given,
 * so that a finding caused by it can point there.
 */
public final class ParameterValues {
    /**
     * A parameter value and where it came from (origin is null for the command line); a null
     * value means "keep the stack's previous value", unknown here.
     */
    public record Given(String value, Location origin, String description) {}

    private final Map<String, Given> values = new LinkedHashMap<>();

    public static ParameterValues none() {
        return new ParameterValues();
    }

    public Given get(String name) {
        return values.get(name);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code KEY=VALUE} from the command line. */
    public void addOption(String keyValue) throws InputException {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new InputException("--parameter expects KEY=VALUE, got '" + keyValue + "'");
        }
        String key = keyValue.substring(0, eq);
        values.put(key, new Given(keyValue.substring(eq + 1), null, "--parameter " + keyValue));
    }

    /**
     * The AWS CLI's {@code [{"ParameterKey": …, "ParameterValue": …}]} JSON form, or lines of
     * {@code KEY=VALUE} (blank lines and {@code #} comments ignored).
     */
    public void addFile(SourceFile file) throws InputException {
        if (DocumentParser.looksLikeJson(file.text())) {
            addJson(file, DocumentParser.parseJson(file.text()));
        } else {
            addLines(file);
        }
    }

    private void addJson(SourceFile file, Value root) throws InputException {
        if (!(root instanceof Value.ListValue list)) {
            throw new InputException("a parameters file is a JSON list of {\"ParameterKey\", \"ParameterValue\"} objects",
                    root == null ? null : root.range().start());
        }
        for (Value item : list.items()) {
            if (!(item instanceof Value.MapValue map) || !(map.get("ParameterKey") instanceof Value.Text key)) {
                throw new InputException("expected an object with a string ParameterKey", item.range().start());
            }
            Value.Entry valueEntry = map.entry("ParameterValue");
            if (valueEntry == null && "true".equals(Values.scalarText(map.get("UsePreviousValue")))) {
                // The stack's current value, which a linter cannot know.
                values.put(key.text(), new Given(null, file.locate(item.range()),
                        "--parameters-file " + file.displayPath()));
                continue;
            }
            String value = valueEntry == null ? "" : Values.scalarText(valueEntry.value());
            if (value == null) {
                throw new InputException("ParameterValue must be a string", valueEntry.value().range().start());
            }
            Range at = valueEntry == null ? item.range() : valueEntry.value().range();
            values.put(key.text(), new Given(value, file.locate(at), "--parameters-file " + file.displayPath()));
        }
    }

    private void addLines(SourceFile file) throws InputException {
        String[] lines = file.text().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InputException("expected KEY=VALUE", new Position(i + 1, 1));
            }
            int column = lines[i].indexOf(line) + eq + 2;
            Range at = Range.of(i + 1, column, i + 1, lines[i].length() + 1);
            values.put(line.substring(0, eq).strip(),
                    new Given(line.substring(eq + 1).strip(), file.locate(at), "--parameters-file " + file.displayPath()));
        }
    }
}

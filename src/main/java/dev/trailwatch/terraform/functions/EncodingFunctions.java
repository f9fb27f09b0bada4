package dev.trailwatch.terraform.functions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Range;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** jsonencode() and jsondecode(), writing JSON as Terraform (Go) does. */
final class EncodingFunctions {
    private static final JsonFactory JSON = new JsonFactory();

    private EncodingFunctions() {}

    static Map<String, TerraformFunction> all() {
        return Map.of("jsonencode", EncodingFunctions::jsonencode, "jsondecode", EncodingFunctions::jsondecode);
    }

    private static Value jsonencode(Arguments args) {
        Value value = args.get(0);
        try {
            return new Value.Text(jsonText(value), args.range());
        } catch (Arguments.NotKnown e) {
            // JSON of a structure holding references (a policy naming a log group's ARN): the
            // structure itself, which policy readers accept as they accept the JSON text.
            return Values.at(value, args.range());
        }
    }

    private static Value jsondecode(Arguments args) {
        Value decoded;
        try {
            decoded = DocumentParser.parseJson(args.text(0));
        } catch (InputException e) {
            throw new Arguments.Failed("the text is not JSON");
        }
        if (decoded == null) {
            throw new Arguments.Failed("the text is empty"); // Terraform: "EOF"
        }
        return withRange(decoded, args.range());
    }

    /** JSON text of a fully known value. */
    private static String jsonText(Value value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setCharacterEscapes(GoEscapes.INSTANCE);
            write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Value value) throws IOException {
        Value v = Values.unwrap(value);
        if (v instanceof Value.Text t) {
            json.writeString(t.text());
        } else if (v instanceof Value.Number n) {
            json.writeNumber(Conversions.canonicalNumber(n.literal()));
        } else if (v instanceof Value.Bool b) {
            json.writeBoolean(b.value());
        } else if (v instanceof Value.Null) {
            json.writeNull();
        } else if (v instanceof Value.ListValue l) {
            json.writeStartArray();
            for (Value item : l.items()) {
                write(json, item);
            }
            json.writeEndArray();
        } else if (v instanceof Value.MapValue m) {
            json.writeStartObject();
            // Terraform writes an object's keys in lexical order.
            List<Value.Entry> entries = new ArrayList<>(m.entries().values());
            entries.sort((x, y) -> SetFunctions.compareBytes(x.key(), y.key()));
            for (Value.Entry entry : entries) {
                json.writeFieldName(entry.key());
                write(json, entry.value());
            }
            json.writeEndObject();
        } else {
            throw new Arguments.NotKnown();
        }
    }

    /** Go's JSON escapes, which Terraform's jsonencode uses: {@code <}, {@code >}, {@code &} and U+2028/2029. */
    private static final class GoEscapes extends CharacterEscapes {
        static final GoEscapes INSTANCE = new GoEscapes();
        private final int[] table = standardAsciiEscapesForJSON();

        private GoEscapes() {
            table['<'] = ESCAPE_CUSTOM;
            table['>'] = ESCAPE_CUSTOM;
            table['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    /** A decoded value placed where the call that produced it is written. */
    private static Value withRange(Value value, Range range) {
        if (value instanceof Value.ListValue l) {
            List<Value> items = new ArrayList<>();
            for (Value item : l.items()) {
                items.add(withRange(item, range));
            }
            return new Value.ListValue(List.copyOf(items), range);
        }
        if (value instanceof Value.MapValue m) {
            Map<String, Value.Entry> entries = new LinkedHashMap<>();
            for (Value.Entry entry : m.entries().values()) {
                entries.put(entry.key(), new Value.Entry(entry.key(), range, withRange(entry.value(), range)));
            }
            return new Value.MapValue(entries, range);
        }
        return Values.at(value, range);
    }
}

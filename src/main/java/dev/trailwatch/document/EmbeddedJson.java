package dev.trailwatch.document;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON written inside a string value (an IAM policy as a JSON literal, {@code jsonencode}'s
 * result, a heredoc with {@code ${...}} references in it), read into the structure it stands for,
 * so that what reads the model never parses text. References stay symbolic where they stand.
 */
public final class EmbeddedJson {
    private EmbeddedJson() {}

    /** A resource's policy document attribute, which may be written as JSON text. */
    public static Attribute policy(Resource resource, String name) {
        return new Attribute(name, structured(resource.property(name)));
    }

    /** The entry with its value {@linkplain #structured(Value) structured}; null stays null. */
    public static Value.Entry structured(Value.Entry entry) {
        if (entry == null) {
            return null;
        }
        Value value = structured(entry.value());
        return value == entry.value() ? entry : new Value.Entry(entry.key(), entry.keyRange(), value);
    }

    /**
     * The object a text value holds as JSON, placed where the text is written; any other value,
     * or text that is not a JSON object, as it is.
     */
    public static Value structured(Value value) {
        if (value instanceof Value.Substituted s) {
            Value inner = structured(s.value());
            return inner == s.value() ? s : new Value.Substituted(inner, s.range(), s.origin(), s.originDescription());
        }
        Value parsed = null;
        if (value instanceof Value.Text text) {
            parsed = parse(text.text(), List.of(), text.range());
        } else if (value instanceof Value.Concatenation c) {
            parsed = parseWithHoles(c);
        }
        return parsed instanceof Value.MapValue ? parsed : value;
    }

    /** Stands for an interpolated value while the JSON around it is parsed; printable, as JSON strings need. */
    private static final String HOLE = "@@trailwatch-part-";

    /** JSON text with references in it ({@code "${aws_x.y.arn}"} in a heredoc): parsed with the references kept. */
    private static Value parseWithHoles(Value.Concatenation c) {
        StringBuilder text = new StringBuilder();
        List<Value> holes = new ArrayList<>();
        for (Value part : c.parts()) {
            String known = Values.scalarText(part);
            if (known != null) {
                text.append(known);
            } else {
                text.append(HOLE).append(holes.size()).append("@@");
                holes.add(part);
            }
        }
        return parse(text.toString(), holes, c.range());
    }

    private static Value parse(String json, List<Value> holes, Range range) {
        try {
            return restore(DocumentParser.parseJson(json), holes, range);
        } catch (InputException e) {
            return null;
        }
    }

    /** Puts the references back where their placeholders stand; the document is placed where it is written. */
    private static Value restore(Value value, List<Value> holes, Range range) {
        if (value instanceof Value.MapValue m) {
            Map<String, Value.Entry> entries = new LinkedHashMap<>();
            for (Value.Entry e : m.entries().values()) {
                entries.put(e.key(), new Value.Entry(e.key(), range, restore(e.value(), holes, range)));
            }
            return new Value.MapValue(entries, range);
        }
        if (value instanceof Value.ListValue l) {
            List<Value> items = new ArrayList<>();
            for (Value item : l.items()) {
                items.add(restore(item, holes, range));
            }
            return new Value.ListValue(List.copyOf(items), range);
        }
        if (value instanceof Value.Text t && t.text().contains(HOLE)) {
            List<Value> parts = new ArrayList<>();
            String s = t.text();
            int i = 0;
            while (i < s.length()) {
                int start = s.indexOf(HOLE, i);
                if (start < 0) {
                    parts.add(new Value.Text(s.substring(i), range));
                    break;
                }
                if (start > i) {
                    parts.add(new Value.Text(s.substring(i, start), range));
                }
                int end = s.indexOf("@@", start + HOLE.length());
                parts.add(holes.get(Integer.parseInt(s.substring(start + HOLE.length(), end))));
                i = end + 2;
            }
            return parts.size() == 1 ? parts.get(0) : new Value.Concatenation(List.copyOf(parts), range);
        }
        return Values.at(value, range);
    }

}

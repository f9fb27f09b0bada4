package dev.trailwatch.model.aws;

import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM policy document read from a value: a structure (CloudFormation, Terraform's
 * aws_iam_policy_document), JSON text (jsonencode, a literal), or JSON text with interpolated
 * references (a heredoc). Each statement keeps its actions and resources as values, so that a
 * reference such as {@code aws_cloudwatch_log_group.x.arn} inside a resource stays symbolic.
 */
public record PolicyDocument(List<Statement> statements) {
    /**
     * One statement; a list is null when the statement does not have that element.
     * {@code conditional}: it has a Condition, so it may not apply to CloudTrail's requests.
     */
    public record Statement(boolean allow, List<Value> actions, List<Value> notActions, List<Value> resources,
            List<Value> notResources, Value principal, boolean conditional) {}

    /** Stands for an interpolated value while the JSON around it is parsed; printable, as JSON strings need. */
    private static final String HOLE = "@@trailwatch-part-";

    /** The document a value holds, or null when it cannot be read statically. */
    public static PolicyDocument of(Value value) {
        Value v = Values.unwrap(value);
        if (v instanceof Value.Text text) {
            v = parse(text.text(), List.of(), text.range());
        } else if (v instanceof Value.Concatenation c) {
            v = parseWithHoles(c);
        }
        if (!(v instanceof Value.MapValue map)) {
            return null;
        }
        Value statement = map.get("Statement");
        if (statement == null) {
            return null;
        }
        List<Statement> statements = new ArrayList<>();
        Value s = Values.unwrap(statement);
        List<Value> items = s instanceof Value.ListValue l ? l.items() : List.of(s);
        for (Value item : items) {
            if (!(Values.unwrap(item) instanceof Value.MapValue m)) {
                return null;
            }
            String effect = Values.scalarText(m.get("Effect"));
            if (effect == null) {
                return null;
            }
            statements.add(new Statement(effect.equalsIgnoreCase("Allow"), list(m.get("Action")), list(m.get("NotAction")),
                    list(m.get("Resource")), list(m.get("NotResource")), m.get("Principal"), m.get("Condition") != null));
        }
        return new PolicyDocument(List.copyOf(statements));
    }

    private static List<Value> list(Value value) {
        if (value == null) {
            return null;
        }
        Value v = Values.unwrap(value);
        return v instanceof Value.ListValue l ? l.items() : List.of(value);
    }

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

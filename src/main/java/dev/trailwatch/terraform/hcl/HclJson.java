package dev.trailwatch.terraform.hcl;

import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.model.Value;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Position;
import dev.trailwatch.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Terraform's JSON syntax (.tf.json, .tfvars.json) into the same AST as native syntax, with
 * positions. JSON cannot say which objects are blocks, so this follows Terraform's own schema for
 * the top level (block types and how many labels each has) and for the nested blocks Terraform
 * itself defines; other objects become object values, which later code reads like blocks.
 * Strings are templates, as HCL reads them; a {@code "//"} key is a comment.
 */
public final class HclJson {
    /** Top-level block types and their label counts. */
    private static final Map<String, Integer> TOP_LEVEL = Map.ofEntries(
            Map.entry("resource", 2), Map.entry("data", 2), Map.entry("ephemeral", 2), Map.entry("module", 1),
            Map.entry("variable", 1), Map.entry("output", 1), Map.entry("provider", 1), Map.entry("locals", 0),
            Map.entry("terraform", 0), Map.entry("moved", 0), Map.entry("import", 0), Map.entry("check", 1),
            Map.entry("removed", 0));

    /** Nested blocks Terraform defines in every resource, module or terraform block, with label counts. */
    private static final Map<String, Integer> NESTED = Map.ofEntries(
            Map.entry("lifecycle", 0), Map.entry("provisioner", 1), Map.entry("connection", 0),
            Map.entry("dynamic", 1), Map.entry("content", 0), Map.entry("precondition", 0),
            Map.entry("postcondition", 0), Map.entry("validation", 0), Map.entry("backend", 1),
            Map.entry("cloud", 0), Map.entry("required_providers", 0));

    private HclJson() {}

    /** A .tf.json file as a body of blocks; a .tfvars.json file is the same with attributes only. */
    public static Body parse(String text) throws InputException {
        Value root = DocumentParser.parseJson(text);
        if (!(root instanceof Value.MapValue map)) {
            throw new InputException("a Terraform JSON file must hold one JSON object",
                    root == null ? new Position(1, 1) : root.range().start());
        }
        List<Body.Item> items = new ArrayList<>();
        for (Value.Entry entry : map.entries().values()) {
            Integer labels = TOP_LEVEL.get(entry.key());
            if (entry.key().equals("//")) {
                continue;
            }
            if (labels == null) {
                items.add(attribute(entry));
            } else {
                blocks(entry.key(), entry.keyRange(), labels, List.of(), entry.value(), items);
            }
        }
        return new Body(List.copyOf(items), map.range());
    }

    /** Expands {@code "type": {"label": {…}}} (or a list of bodies) into blocks. */
    private static void blocks(String type, Range typeRange, int labelsLeft, List<Body.Label> labels, Value value,
            List<Body.Item> out) throws InputException {
        if (value instanceof Value.ListValue list) {
            for (Value item : list.items()) {
                blocks(type, typeRange, labelsLeft, labels, item, out);
            }
            return;
        }
        if (!(value instanceof Value.MapValue map)) {
            throw new InputException("a " + type + " block must be a JSON object", value.range().start());
        }
        if (labelsLeft == 0) {
            out.add(new Body.Block(type, typeRange, List.copyOf(labels), body(map), new Range(typeRange.start(),
                    map.range().end())));
            return;
        }
        for (Value.Entry entry : map.entries().values()) {
            if (entry.key().equals("//")) {
                continue;
            }
            List<Body.Label> more = new ArrayList<>(labels);
            more.add(new Body.Label(entry.key(), entry.keyRange()));
            blocks(type, typeRange, labelsLeft - 1, more, entry.value(), out);
        }
    }

    private static Body body(Value.MapValue map) throws InputException {
        List<Body.Item> items = new ArrayList<>();
        for (Value.Entry entry : map.entries().values()) {
            if (entry.key().equals("//")) {
                continue;
            }
            Integer labels = NESTED.get(entry.key());
            boolean blockShaped = entry.value() instanceof Value.MapValue || entry.value() instanceof Value.ListValue l
                    && !l.items().isEmpty() && l.items().stream().allMatch(Value.MapValue.class::isInstance);
            if (labels != null && blockShaped) {
                blocks(entry.key(), entry.keyRange(), labels, List.of(), entry.value(), items);
            } else {
                items.add(attribute(entry));
            }
        }
        return new Body(List.copyOf(items), map.range());
    }

    private static Body.Attribute attribute(Value.Entry entry) throws InputException {
        Expression value = expression(entry.value());
        return new Body.Attribute(entry.key(), entry.keyRange(), value,
                new Range(entry.keyRange().start(), value.range().end()));
    }

    private static Expression expression(Value value) throws InputException {
        if (value instanceof Value.Text text) {
            // The template starts after the opening quote.
            Position start = text.range().start();
            return HclSyntax.parseTemplate(text.text(), new Position(start.line(), start.column() + 1))
                    .withRange(text.range());
        }
        if (value instanceof Value.Number n) {
            return new Expression.NumberLiteral(n.literal(), n.range());
        }
        if (value instanceof Value.Bool b) {
            return new Expression.BoolLiteral(b.value(), b.range());
        }
        if (value instanceof Value.Null n) {
            return new Expression.NullLiteral(n.range());
        }
        if (value instanceof Value.ListValue list) {
            List<Expression> items = new ArrayList<>();
            for (Value item : list.items()) {
                items.add(expression(item));
            }
            return new Expression.Tuple(List.copyOf(items), list.range());
        }
        Value.MapValue map = (Value.MapValue) value;
        List<Expression.ObjectItem> items = new ArrayList<>();
        for (Value.Entry entry : map.entries().values()) {
            Position keyStart = entry.keyRange().start();
            Expression key = HclSyntax.parseTemplate(entry.key(), new Position(keyStart.line(), keyStart.column() + 1))
                    .withRange(entry.keyRange());
            items.add(new Expression.ObjectItem(key, expression(entry.value())));
        }
        return new Expression.ObjectCons(List.copyOf(items), map.range());
    }
}

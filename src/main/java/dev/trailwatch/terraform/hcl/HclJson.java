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

    /** The nested blocks Terraform itself defines, by enclosing block type, with their label counts. */
    private static final Map<String, Map<String, Integer>> NESTED = Map.of(
            "resource", Map.of("lifecycle", 0, "provisioner", 1, "connection", 0, "dynamic", 1),
            "data", Map.of("lifecycle", 0, "dynamic", 1),
            "lifecycle", Map.of("precondition", 0, "postcondition", 0),
            "provisioner", Map.of("connection", 0),
            "dynamic", Map.of("content", 0),
            "content", Map.of("dynamic", 1),
            "variable", Map.of("validation", 0),
            "output", Map.of("precondition", 0),
            "terraform", Map.of("backend", 1, "cloud", 0, "required_providers", 0),
            "check", Map.of("assert", 0));

    private HclJson() {}

    /** A .tf.json file as a body of blocks. */
    public static Body parse(String text) throws InputException {
        Value root = DocumentParser.parseJson(text, true);
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
                items.add(attribute(entry, false));
            } else {
                blocks(entry.key(), entry.keyRange(), labels, List.of(), entry.value(), items);
            }
        }
        return new Body(List.copyOf(items), map.range());
    }

    /**
     * A .tfvars.json file: every key is a variable's value, and strings are literal text, not
     * templates, as Terraform reads them.
     */
    public static Body parseVariables(String text) throws InputException {
        Value root = DocumentParser.parseJson(text);
        if (!(root instanceof Value.MapValue map)) {
            throw new InputException("a variables file must hold one JSON object",
                    root == null ? new Position(1, 1) : root.range().start());
        }
        List<Body.Item> items = new ArrayList<>();
        for (Value.Entry entry : map.entries().values()) {
            items.add(attribute(entry, true));
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
            out.add(new Body.Block(type, typeRange, List.copyOf(labels), body(type, map),
                    new Range(typeRange.start(), map.range().end())));
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

    private static Body body(String type, Value.MapValue map) throws InputException {
        List<Body.Item> items = new ArrayList<>();
        Map<String, Integer> nested = NESTED.getOrDefault(type, Map.of());
        for (Value.Entry entry : map.entries().values()) {
            if (entry.key().equals("//")) {
                continue;
            }
            Integer labels = nested.get(entry.key());
            boolean blockShaped = entry.value() instanceof Value.MapValue || entry.value() instanceof Value.ListValue l
                    && !l.items().isEmpty() && l.items().stream().allMatch(Value.MapValue.class::isInstance);
            if (labels != null && blockShaped) {
                blocks(entry.key(), entry.keyRange(), labels, List.of(), entry.value(), items);
            } else {
                // A variable's default is a literal value, never a template.
                items.add(attribute(entry, type.equals("variable") && entry.key().equals("default")));
            }
        }
        return new Body(List.copyOf(items), map.range());
    }

    private static Body.Attribute attribute(Value.Entry entry, boolean literal) throws InputException {
        Expression value = literal ? literal(entry.value()) : expression(entry.value());
        return new Body.Attribute(entry.key(), entry.keyRange(), value,
                new Range(entry.keyRange().start(), value.range().end()));
    }

    /** A JSON value read literally: strings are text, whatever they contain. */
    private static Expression literal(Value value) {
        if (value instanceof Value.Text text) {
            Range r = text.range();
            Range inside = new Range(new Position(r.start().line(), r.start().column() + 1),
                    new Position(r.end().line(), Math.max(1, r.end().column() - 1)));
            return new Expression.Template(List.of(new TemplatePart.Literal(text.text(), inside)), false, r);
        }
        if (value instanceof Value.ListValue list) {
            List<Expression> items = new ArrayList<>();
            for (Value item : list.items()) {
                items.add(literal(item));
            }
            return new Expression.Tuple(List.copyOf(items), list.range());
        }
        if (value instanceof Value.MapValue map) {
            List<Expression.ObjectItem> items = new ArrayList<>();
            for (Value.Entry entry : map.entries().values()) {
                Expression key = new Expression.Template(List.of(new TemplatePart.Literal(entry.key(), entry.keyRange())),
                        false, entry.keyRange());
                items.add(new Expression.ObjectItem(key, literal(entry.value())));
            }
            return new Expression.ObjectCons(List.copyOf(items), map.range());
        }
        if (value instanceof Value.Number n) {
            return new Expression.NumberLiteral(n.literal(), n.range());
        }
        if (value instanceof Value.Bool b) {
            return new Expression.BoolLiteral(b.value(), b.range());
        }
        return new Expression.NullLiteral(value.range());
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

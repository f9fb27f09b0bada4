package dev.trailwatch.terraform.hcl;

import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.model.Value;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Position;
import dev.trailwatch.source.Range;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** What may be written as a nested block in a body: its label count and what its own body may nest. */
    private record BlockType(int labels, Map<String, BlockType> nested, boolean providerDefined) {}

    private static BlockType meta(int labels, Map<String, BlockType> nested) {
        return new BlockType(labels, nested, false);
    }

    private static BlockType block(Map<String, BlockType> nested) {
        return new BlockType(0, nested, true);
    }

    private static final BlockType LEAF = block(Map.of());

    /** The nested blocks Terraform itself defines, by enclosing block type, with their label counts. */
    private static final Map<String, Map<String, BlockType>> NESTED = Map.of(
            "resource", Map.of("lifecycle", meta(0, Map.of("precondition", meta(0, Map.of()),
                    "postcondition", meta(0, Map.of()))), "provisioner", meta(1, Map.of("connection", meta(0, Map.of()))),
                    "connection", meta(0, Map.of())),
            "data", Map.of("lifecycle", meta(0, Map.of("precondition", meta(0, Map.of()),
                    "postcondition", meta(0, Map.of())))),
            "variable", Map.of("validation", meta(0, Map.of())),
            "output", Map.of("precondition", meta(0, Map.of())),
            "terraform", Map.of("backend", meta(1, Map.of()), "cloud", meta(0, Map.of()),
                    "required_providers", meta(0, Map.of())),
            "check", Map.of("assert", meta(0, Map.of())));

    /**
     * The nested blocks of the provider's resource and data source types that trailwatch reads (the
     * provider's schema says which names are blocks; JSON alone cannot). Terraform's JSON syntax
     * writes each as an object or an array of objects, as CDKTF does; any other shape is kept as an
     * attribute, which the readers take as a value they cannot see into.
     */
    private static final Map<String, Map<String, BlockType>> PROVIDER_BLOCKS = Map.of(
            "data.aws_iam_policy_document", Map.of("statement", block(Map.of("principals", LEAF,
                    "not_principals", LEAF, "condition", LEAF))),
            "resource.aws_iam_role", Map.of("inline_policy", LEAF),
            "resource.aws_cloudwatch_log_metric_filter", Map.of("metric_transformation", LEAF),
            "resource.aws_cloudwatch_metric_alarm", Map.of("metric_query", block(Map.of("metric", LEAF))),
            "resource.aws_cloudtrail", Map.of("event_selector", block(Map.of("data_resource", LEAF)),
                    "advanced_event_selector", block(Map.of("field_selector", LEAF)), "insight_selector", LEAF));

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
                blocks(entry.key(), entry.keyRange(), labels, List.of(), entry.value(), Map.of(), items);
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

    /**
     * Expands {@code "type": {"label": {…}}} (or a list of bodies) into blocks. Each block's range
     * starts at what is its own: its last label's key, or its element of a list, or else the type's
     * key; so blocks that share a type (or a label) do not overlap.
     */
    private static void blocks(String type, Range typeRange, int labelsLeft, List<Body.Label> labels, Value value,
            Map<String, BlockType> siblings, List<Body.Item> out) throws InputException {
        blocks(type, typeRange, labelsLeft, labels, value, typeRange.start(), siblings, out);
    }

    private static void blocks(String type, Range typeRange, int labelsLeft, List<Body.Label> labels, Value value,
            Position start, Map<String, BlockType> siblings, List<Body.Item> out) throws InputException {
        if (value instanceof Value.ListValue list) {
            for (Value item : list.items()) {
                blocks(type, typeRange, labelsLeft, labels, item, item.range().start(), siblings, out);
            }
            return;
        }
        if (!(value instanceof Value.MapValue map)) {
            throw new InputException("a " + type + " block must be a JSON object", value.range().start());
        }
        if (labelsLeft == 0) {
            Body body = body(type, schema(type, labels, siblings), map);
            out.add(new Body.Block(type, typeRange, List.copyOf(labels), body, new Range(start, map.range().end())));
            return;
        }
        for (Value.Entry entry : map.entries().values()) {
            if (entry.key().equals("//")) {
                continue;
            }
            List<Body.Label> more = new ArrayList<>(labels);
            more.add(new Body.Label(entry.key(), entry.keyRange()));
            blocks(type, typeRange, labelsLeft - 1, more, entry.value(), entry.keyRange().start(), siblings, out);
        }
    }

    /**
     * The nested block types of a block's body, given its type, its labels and the block types
     * that its enclosing body allows ({@code siblings}; empty at the top level).
     */
    private static Map<String, BlockType> schema(String type, List<Body.Label> labels,
            Map<String, BlockType> siblings) {
        Map<String, BlockType> out = new HashMap<>();
        if (siblings.isEmpty()) {
            out.putAll(NESTED.getOrDefault(type, Map.of()));
            if (type.equals("resource") || type.equals("data") || type.equals("ephemeral")) {
                if (!labels.isEmpty()) {
                    out.putAll(PROVIDER_BLOCKS.getOrDefault(type + "." + labels.get(0).value(), Map.of()));
                }
                out.put("dynamic", DYNAMIC);
            }
            return out;
        }
        if (type.equals("dynamic") && siblings.get("dynamic") == DYNAMIC) {
            // dynamic "statement" { content { … } }: the content is a statement's body.
            BlockType generated = labels.isEmpty() ? null : siblings.get(labels.get(0).value());
            Map<String, BlockType> content = new HashMap<>(generated == null ? Map.of() : generated.nested());
            content.put("dynamic", DYNAMIC);
            out.put("content", meta(0, Map.copyOf(content)));
            return out;
        }
        BlockType self = siblings.get(type);
        if (self != null) {
            out.putAll(self.nested());
            if (self.providerDefined()) {
                out.put("dynamic", DYNAMIC);
            }
        }
        return out;
    }

    private static final BlockType DYNAMIC = meta(1, Map.of());

    private static Body body(String type, Map<String, BlockType> nested, Value.MapValue map) throws InputException {
        List<Body.Item> items = new ArrayList<>();
        for (Value.Entry entry : map.entries().values()) {
            if (entry.key().equals("//")) {
                continue;
            }
            BlockType blockType = nested.get(entry.key());
            boolean blockShaped = entry.value() instanceof Value.MapValue || entry.value() instanceof Value.ListValue l
                    && l.items().stream().allMatch(Value.MapValue.class::isInstance)
                    && (!l.items().isEmpty() || blockType != null && blockType.providerDefined());
            if (blockType != null && blockShaped) {
                blocks(entry.key(), entry.keyRange(), blockType.labels(), List.of(), entry.value(), nested, items);
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

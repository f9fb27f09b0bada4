package dev.trailwatch.terraform;

import dev.trailwatch.model.Value;
import dev.trailwatch.source.Range;
import dev.trailwatch.terraform.hcl.Body;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code data "aws_iam_policy_document"} evaluated into the policy document it renders, kept as
 * a structure ({@code Version}, {@code Statement} list with {@code Effect}, {@code Action},
 * {@code NotAction}, {@code Resource}, {@code NotResource}, {@code Principal}) so that rules read
 * it like a policy written in JSON.
 */
final class PolicyDocuments {
    private PolicyDocuments() {}

    static Value evaluate(Module.Declared declared, Evaluator evaluator, Range at) {
        Body body = declared.block().body();
        if (body.attribute("source_policy_documents") != null || body.attribute("override_policy_documents") != null) {
            return new Value.Unknown("a policy document merged from other documents is not evaluated", at);
        }
        if (body.attribute("statement") != null) {
            // Not written as blocks (an expression, or a JSON shape other than objects): not visible.
            return new Value.Unknown("the statements of a policy document written as a value are not evaluated", at);
        }
        List<Value> statements = new ArrayList<>();
        for (Body.Block statement : body.blocks()) {
            if (statement.type().equals("dynamic")) {
                return new Value.Unknown("a policy document with dynamic statements is not evaluated", at);
            }
            if (!statement.type().equals("statement")) {
                continue;
            }
            for (String block : List.of("principals", "not_principals", "condition")) {
                if (statement.body().attribute(block) != null) {
                    return new Value.Unknown("a policy statement whose " + block + " are written as a value is not"
                            + " evaluated", at);
                }
            }
            Map<String, Value.Entry> out = new LinkedHashMap<>();
            Body.Attribute effect = statement.body().attribute("effect");
            put(out, "Effect", effect == null ? new Value.Text("Allow", statement.range())
                    : evaluator.eval(effect.value(), Scope.EMPTY, declared.file()), statement.typeRange());
            copy(statement.body(), "sid", "Sid", out, evaluator, declared);
            copy(statement.body(), "actions", "Action", out, evaluator, declared);
            copy(statement.body(), "not_actions", "NotAction", out, evaluator, declared);
            copy(statement.body(), "resources", "Resource", out, evaluator, declared);
            copy(statement.body(), "not_resources", "NotResource", out, evaluator, declared);
            for (Body.Block inner : statement.body().blocks()) {
                boolean dynamic = inner.type().equals("dynamic");
                String kind = dynamic && !inner.labels().isEmpty() ? inner.labels().get(0).value() : inner.type();
                if (kind.equals("condition")) {
                    put(out, "Condition", new Value.Unknown("conditions are not evaluated", inner.range()),
                            inner.typeRange());
                } else if (dynamic) {
                    // Dynamic principals or anything else: what the statement means is not known.
                    return new Value.Unknown("a policy statement with dynamic " + kind + " blocks is not evaluated", at);
                }
            }
            Map<String, Value.Entry> principals = principals(statement, "principals", evaluator, declared);
            if (!principals.isEmpty()) {
                put(out, "Principal", new Value.MapValue(principals, statement.range()), statement.typeRange());
            }
            Map<String, Value.Entry> notPrincipals = principals(statement, "not_principals", evaluator, declared);
            if (!notPrincipals.isEmpty()) {
                put(out, "NotPrincipal", new Value.MapValue(notPrincipals, statement.range()), statement.typeRange());
            }
            statements.add(new Value.MapValue(out, statement.range()));
        }
        Map<String, Value.Entry> document = new LinkedHashMap<>();
        put(document, "Version", new Value.Text("2012-10-17", at), at);
        put(document, "Statement", new Value.ListValue(List.copyOf(statements), declared.block().range()), at);
        return new Value.MapValue(document, at);
    }

    /** {@code principals} (or {@code not_principals}) blocks as IAM's map of type to identifiers. */
    private static Map<String, Value.Entry> principals(Body.Block statement, String blockType, Evaluator evaluator,
            Module.Declared declared) {
        Map<String, Value.Entry> principals = new LinkedHashMap<>();
        for (Body.Block principal : statement.body().blocks()) {
            if (!principal.type().equals(blockType)) {
                continue;
            }
            Body.Attribute type = principal.body().attribute("type");
            Body.Attribute identifiers = principal.body().attribute("identifiers");
            if (type != null && identifiers != null) {
                Value typeValue = evaluator.eval(type.value(), Scope.EMPTY, declared.file());
                String typeName = dev.trailwatch.model.Values.scalarText(typeValue);
                if (typeName != null) {
                    // Several blocks of one type add up, as the data source merges them.
                    List<Value> merged = new ArrayList<>();
                    Value.Entry earlier = principals.get(typeName);
                    if (earlier != null) {
                        merged.addAll(dev.trailwatch.model.Values.items(earlier.value()));
                    }
                    merged.addAll(dev.trailwatch.model.Values.items(
                            evaluator.eval(identifiers.value(), Scope.EMPTY, declared.file())));
                    put(principals, typeName, new Value.ListValue(List.copyOf(merged), principal.range()),
                            principal.typeRange());
                }
            }
        }
        return principals;
    }

    private static void copy(Body body, String from, String to, Map<String, Value.Entry> out, Evaluator evaluator,
            Module.Declared declared) {
        Body.Attribute attribute = body.attribute(from);
        if (attribute != null) {
            out.put(to, new Value.Entry(to, attribute.nameRange(),
                    evaluator.eval(attribute.value(), Scope.EMPTY, declared.file())));
        }
    }

    private static void put(Map<String, Value.Entry> out, String key, Value value, Range keyRange) {
        out.put(key, new Value.Entry(key, keyRange, value));
    }
}

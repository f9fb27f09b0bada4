package dev.trailwatch.terraform;

import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.functions.Conversions;
import dev.trailwatch.terraform.functions.Failures;
import dev.trailwatch.terraform.hcl.Expression;
import dev.trailwatch.terraform.hcl.TemplatePart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates HCL expressions of one module instance into model values, as far as they can be
 * known without providers, credentials or network. It never throws on what it does not know:
 * that becomes {@link Value.Unknown} with the reason, a resource attribute becomes a symbolic
 * {@link Value.Reference}, and a condition it cannot decide becomes a {@link Value.Conditional}.
 *
 * <p>With {@code literalsOnly}, variables, module outputs and data sources count as unknown:
 * that is how the existence of resources (count, for_each) is decided, since another
 * environment may pass other values.
 */
final class Evaluator {
    private static final int MAX_DEPTH = 64;
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private final ModuleInstance module;
    private final boolean literalsOnly;
    private int depth;

    Evaluator(ModuleInstance module, boolean literalsOnly) {
        this.module = module;
        this.literalsOnly = literalsOnly;
    }

    Value eval(Expression e, Scope scope, SourceFile file) {
        if (++depth > MAX_DEPTH) {
            depth--;
            return new Value.Unknown("expression nested too deeply to evaluate", e.range());
        }
        Budget.step(e.range(), file);
        try {
            return Budget.checked(evaluate(e, scope, file), e.range(), file);
        } finally {
            depth--;
        }
    }

    private Value evaluate(Expression e, Scope scope, SourceFile file) {
        Range range = e.range();
        if (e instanceof Expression.NumberLiteral n) {
            return new Value.Number(n.text(), range);
        }
        if (e instanceof Expression.BoolLiteral b) {
            return new Value.Bool(b.value(), range);
        }
        if (e instanceof Expression.NullLiteral) {
            return new Value.Null(range);
        }
        if (e instanceof Expression.Template t) {
            return template(t.parts(), range, scope, file, true);
        }
        if (e instanceof Expression.Parenthesized p) {
            return eval(p.inner(), scope, file);
        }
        if (e instanceof Expression.Tuple t) {
            List<Value> items = new ArrayList<>();
            for (Expression item : t.items()) {
                items.add(eval(item, scope, file));
            }
            return new Value.ListValue(List.copyOf(items), range);
        }
        if (e instanceof Expression.ObjectCons o) {
            Map<String, Value.Entry> entries = new LinkedHashMap<>();
            for (Expression.ObjectItem item : o.items()) {
                String key = Values.scalarText(eval(item.key(), scope, file));
                if (key == null) {
                    return new Value.Unknown("an object key is not known statically", range);
                }
                entries.put(key, new Value.Entry(key, item.key().range(), eval(item.value(), scope, file)));
            }
            return new Value.MapValue(entries, range);
        }
        if (e instanceof Expression.Variable || e instanceof Expression.GetAttr || e instanceof Expression.Index) {
            return traversal(e, scope, file);
        }
        if (e instanceof Expression.SplatElement) {
            Value element = scope.get(Scope.SPLAT_ELEMENT);
            return element != null ? element : new Value.Unknown("splat element outside a splat", range);
        }
        if (e instanceof Expression.Splat s) {
            return splat(s, scope, file);
        }
        if (e instanceof Expression.Conditional c) {
            return conditional(c, scope, file);
        }
        if (e instanceof Expression.Binary b) {
            Value left = eval(b.left(), scope, file);
            Value right = eval(b.right(), scope, file);
            return Operators.binaryOperator(b.operator()).map(o -> Operators.binary(o, left, right, range))
                    .orElseGet(() -> new Value.Unknown("operator " + b.operator(), range));
        }
        if (e instanceof Expression.Unary u) {
            Value operand = eval(u.operand(), scope, file);
            return Operators.unaryOperator(u.operator()).map(o -> Operators.unary(o, operand, range))
                    .orElseGet(() -> new Value.Unknown("operator " + u.operator(), range));
        }
        if (e instanceof Expression.FunctionCall call) {
            return FunctionCalls.call(this, call, scope, file);
        }
        if (e instanceof Expression.For f) {
            return forExpression(f, scope, file);
        }
        return new Value.Unknown("expression not evaluated", range);
    }

    /** A template's parts; a single interpolation alone gives its value unchanged, as HCL does. */
    Value template(List<TemplatePart> parts, Range range, Scope scope, SourceFile file, boolean unwrap) {
        if (unwrap && parts.size() == 1 && parts.get(0) instanceof TemplatePart.Interpolation only) {
            return eval(only.expression(), scope, file);
        }
        List<Value> values = new ArrayList<>();
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal l) {
                values.add(new Value.Text(l.text(), l.range()));
            } else if (part instanceof TemplatePart.Interpolation i) {
                values.add(eval(i.expression(), scope, file));
            } else if (part instanceof TemplatePart.If i) {
                Trilean condition = Conversions.bool(eval(i.condition(), scope, file));
                if (!condition.isKnown()) {
                    values.add(new Value.Unknown("a template %{if} on a value not known statically", part.range()));
                } else {
                    values.add(template(condition.isTrue() ? i.then() : i.otherwise(), part.range(), scope, file,
                            false));
                }
            } else {
                values.add(new Value.Unknown("a template %{for} directive is not evaluated", part.range()));
            }
        }
        for (Value value : values) {
            if (Failures.failed(value)) {
                return value; // a template with a failing part fails
            }
        }
        return Values.concatenate(values, range);
    }

    private Value conditional(Expression.Conditional c, Scope scope, SourceFile file) {
        Value condition = eval(c.condition(), scope, file);
        Trilean known = Conversions.bool(condition);
        if (known.isKnown()) {
            Value chosen = eval(known.isTrue() ? c.whenTrue() : c.whenFalse(), scope, file);
            Value.Substituted origin = literalsOnly ? null : decidedBy(c.condition(), condition, scope, file);
            // A branch chosen by a variable's value: a finding on it names the condition and the value.
            return origin == null ? chosen : new Value.Substituted(chosen, chosen.range(), origin.origin(),
                    "condition " + conditionText(file, c.condition().range()) + ", " + known.isTrue()
                            + " because of " + origin.originDescription());
        }
        return new Value.Conditional(conditionText(file, c.condition().range()), eval(c.whenTrue(), scope, file),
                eval(c.whenFalse(), scope, file), c.range());
    }

    /** A condition's source text for messages, on one line. */
    private static String conditionText(SourceFile file, Range range) {
        return WHITESPACE.matcher(file.text(range).strip()).replaceAll(" ");
    }

    /**
     * The value a decided condition was decided by: the condition itself when it is a variable's
     * value, else the first operand of a comparison or negation that is (innermost origin first).
     * Only operands that are references (var.x, local.y: looked up, not computed again) are read a
     * second time, so a decided condition never costs a second evaluation of anything larger.
     */
    private Value.Substituted decidedBy(Expression expression, Value value, Scope scope, SourceFile file) {
        Value.Substituted origin = innermostOrigin(value);
        if (origin != null) {
            return origin;
        }
        Expression inner = expression instanceof Expression.Parenthesized p ? p.inner() : expression;
        List<Expression> operands = inner instanceof Expression.Binary b ? List.of(b.left(), b.right())
                : inner instanceof Expression.Unary u ? List.of(u.operand()) : List.of();
        for (Expression operand : operands) {
            if (!(operand instanceof Expression.Variable || operand instanceof Expression.GetAttr)) {
                continue;
            }
            origin = innermostOrigin(eval(operand, scope, file));
            if (origin != null) {
                return origin;
            }
        }
        return null;
    }

    private static Value.Substituted innermostOrigin(Value value) {
        Value.Substituted found = null;
        while (value instanceof Value.Substituted s) {
            if (s.originDescription() != null && s.origin() != null) {
                found = s;
            }
            value = s.value();
        }
        return found;
    }

    private Value forExpression(Expression.For f, Scope scope, SourceFile file) {
        Value collection = Values.unwrap(eval(f.collection(), scope, file));
        List<Map.Entry<Value, Value>> elements = new ArrayList<>();
        if (collection instanceof Value.ListValue list) {
            for (int i = 0; i < list.items().size(); i++) {
                elements.add(Map.entry(new Value.Number(Integer.toString(i), list.range()), list.items().get(i)));
            }
        } else if (collection instanceof Value.MapValue map) {
            // Terraform visits an object's or a map's keys in lexical order, whatever order they were written in.
            for (String key : new java.util.TreeSet<>(map.entries().keySet())) {
                Value.Entry entry = map.entries().get(key);
                elements.add(Map.entry(new Value.Text(entry.key(), entry.keyRange()), entry.value()));
            }
        } else {
            return new Value.Unknown("a for expression over a collection not known statically", f.range());
        }
        List<Value> items = new ArrayList<>();
        Map<String, Value.Entry> object = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> element : elements) {
            Scope inner = scope.with(f.valueVariable(), element.getValue());
            if (f.keyVariable() != null) {
                inner = inner.with(f.keyVariable(), element.getKey());
            }
            if (f.condition() != null) {
                Trilean keep = Conversions.bool(eval(f.condition(), inner, file));
                if (!keep.isKnown()) {
                    return new Value.Unknown("a for expression's if clause is not known statically", f.range());
                }
                if (keep.isFalse()) {
                    continue;
                }
            }
            Value value = eval(f.value(), inner, file);
            if (f.key() == null) {
                items.add(value);
                continue;
            }
            String key = Values.scalarText(eval(f.key(), inner, file));
            if (key == null) {
                return new Value.Unknown("a for expression's key is not known statically", f.range());
            }
            if (f.grouping()) {
                Value.Entry group = object.get(key);
                List<Value> grouped = new ArrayList<>(group == null ? List.of() : ((Value.ListValue) group.value()).items());
                grouped.add(value);
                object.put(key, new Value.Entry(key, f.key().range(), new Value.ListValue(List.copyOf(grouped), f.range())));
            } else {
                object.put(key, new Value.Entry(key, f.key().range(), value));
            }
        }
        return f.key() == null ? new Value.ListValue(List.copyOf(items), f.range())
                : new Value.MapValue(object, f.range());
    }

    private Value splat(Expression.Splat s, Scope scope, SourceFile file) {
        Value source = eval(s.source(), scope, file);
        Value unwrapped = Values.unwrap(source);
        if (unwrapped instanceof Value.Reference || unwrapped instanceof Value.Unknown) {
            // aws_x.y[*].arn: each instance's attribute; symbolically the same reference.
            return eval(s.each(), scope.with(Scope.SPLAT_ELEMENT, source), file);
        }
        if (unwrapped instanceof Value.Null) {
            return new Value.ListValue(List.of(), s.range());
        }
        List<Value> elements = unwrapped instanceof Value.ListValue list ? list.items() : List.of(source);
        List<Value> results = new ArrayList<>();
        for (Value element : elements) {
            results.add(eval(s.each(), scope.with(Scope.SPLAT_ELEMENT, element), file));
        }
        return new Value.ListValue(List.copyOf(results), s.range());
    }

    // ---- references: var.x, local.x, module.m.out, each.key, aws_x.y.attr, data.t.n.attr ----

    /** One step of a traversal: an attribute name, or an index expression. */
    private record Step(String name, Expression index, Range range) {}

    private Value traversal(Expression e, Scope scope, SourceFile file) {
        List<Step> steps = new ArrayList<>();
        Expression current = e;
        while (true) {
            if (current instanceof Expression.GetAttr g) {
                steps.add(0, new Step(g.name(), null, g.range()));
                current = g.object();
            } else if (current instanceof Expression.Index i) {
                steps.add(0, new Step(null, i.key(), i.range()));
                current = i.collection();
            } else {
                break;
            }
        }
        Range range = e.range();
        Value base;
        int used;
        if (current instanceof Expression.Variable v) {
            String root = v.name();
            if (scope.has(root)) {
                base = scope.get(root);
                used = 0;
            } else {
                Resolved resolved = root(root, steps, range, scope, file);
                base = resolved.value;
                used = resolved.stepsUsed;
            }
        } else {
            base = eval(current, scope, file);
            used = 0;
        }
        for (int i = used; i < steps.size(); i++) {
            base = step(base, steps.get(i), scope, file);
        }
        return base;
    }

    private record Resolved(Value value, int stepsUsed) {}

    private Resolved root(String root, List<Step> steps, Range range, Scope scope, SourceFile file) {
        String first = steps.isEmpty() ? null : steps.get(0).name();
        switch (root) {
            case "var":
                if (first == null) {
                    return new Resolved(new Value.Unknown("var used without a name", range), steps.size());
                }
                return new Resolved(literalsOnly ? new Value.Unknown("variable " + first + " can differ between runs",
                        steps.get(0).range()) : module.variable(first, steps.get(0).range()), 1);
            case "local":
                if (first == null) {
                    return new Resolved(new Value.Unknown("local used without a name", range), steps.size());
                }
                return new Resolved(module.local(first, literalsOnly, steps.get(0).range()), 1);
            case "module":
                if (first == null) {
                    return new Resolved(new Value.Unknown("module used without a name", range), steps.size());
                }
                if (literalsOnly) {
                    return new Resolved(new Value.Unknown("module " + first + "'s outputs", range), steps.size());
                }
                return new Resolved(module.moduleOutputs(first, steps.get(0).range()), 1);
            case "each":
            case "count":
            case "self":
                return new Resolved(new Value.Unknown(root + " is not known here", range), steps.size());
            case "path":
            case "terraform":
                return new Resolved(new Value.Unknown(root + "." + first + " is known only when Terraform runs",
                        range), steps.size());
            case "data": {
                if (steps.size() < 2 || steps.get(0).name() == null || steps.get(1).name() == null) {
                    return new Resolved(new Value.Unknown("incomplete data source reference", range), steps.size());
                }
                String type = steps.get(0).name();
                String name = steps.get(1).name();
                int used = 2;
                while (used < steps.size() && steps.get(used).name() == null) {
                    used++; // data.t.n[0]: every instance alike
                }
                String attribute = used < steps.size() ? steps.get(used).name() : null;
                Range at = used < steps.size() ? new Range(range.start(), steps.get(used).range().end()) : range;
                if (!literalsOnly && type.equals("aws_iam_policy_document") && "json".equals(attribute)) {
                    return new Resolved(module.policyDocument(name, at), used + 1);
                }
                // Data sources are read from the provider when Terraform runs: unknown here, though
                // some are known to be a region, an account id or a partition.
                String address = module.prefix() + "data." + type + "." + name;
                return new Resolved(new Value.Unknown((attribute == null ? address : address + "." + attribute)
                        + " is read from the provider when Terraform runs", at, DataSources.shape(type, attribute)),
                        attribute == null ? used : used + 1);
            }
            default: {
                // A managed resource: aws_x.name.attribute, aws_x.name[0].attribute, aws_x.name[*].attribute.
                if (first == null) {
                    return new Resolved(new Value.Unknown("unknown name " + root, range), steps.size());
                }
                int used = 1;
                while (used < steps.size() && steps.get(used).name() == null) {
                    used++;
                }
                String attribute = used < steps.size() ? steps.get(used).name() : null;
                Range at = used < steps.size() ? new Range(range.start(), steps.get(used).range().end()) : range;
                return new Resolved(new Value.Reference(module.prefix() + root + "." + first,
                        attribute, at), attribute == null ? used : used + 1);
            }
        }
    }

    /** Applies one attribute access or index to a value, keeping where a substituted value came from. */
    private Value step(Value base, Step step, Scope scope, SourceFile file) {
        if (base instanceof Value.Substituted s) {
            Value inner = step(s.value(), step, scope, file);
            return new Value.Substituted(inner, step.range(), s.origin(), s.originDescription());
        }
        if (base instanceof Value.Unknown u) {
            return u.derived(step.range());
        }
        if (base instanceof Value.Reference r) {
            if (step.name() == null) {
                return r; // an instance of a referenced resource: the same reference
            }
            String attribute = r.attribute() == null ? step.name() : r.attribute() + "." + step.name();
            return new Value.Reference(r.target(), attribute, step.range());
        }
        if (base instanceof Value.Conditional c) {
            return new Value.Conditional(c.condition(), step(c.whenTrue(), step, scope, file),
                    step(c.whenFalse(), step, scope, file), step.range());
        }
        String key = step.name();
        if (key == null) {
            key = Values.scalarText(eval(step.index(), scope, file));
            if (key == null) {
                return new Value.Unknown("an index not known statically", step.range());
            }
        }
        if (base instanceof Value.MapValue map) {
            Value value = map.get(key);
            return value != null ? value : Failures.failure("no attribute " + key, step.range());
        }
        if (base instanceof Value.ListValue list && key.matches("\\d{1,9}")) {
            int index = Integer.parseInt(key);
            return index < list.items().size() ? list.items().get(index)
                    : Failures.failure("index " + index + " out of range", step.range());
        }
        return Failures.failure("cannot read " + key + " of this value", step.range());
    }
}

package dev.trailwatch.terraform;

import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.functions.Conversions;
import dev.trailwatch.terraform.hcl.Body;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instances a resource or module block expands to through {@code count} or
 * {@code for_each}, decided from literals only (SPEC): count 0 or an empty for_each means none;
 * known values give one instance per index or key; anything else exists once, with no index.
 */
final class Expansion {
    /** One instance of a resource or module: its address suffix and the each/count it sees. */
    record Instance(String suffix, Scope scope) {}

    private static final Instance SINGLE = new Instance("", Scope.EMPTY);

    private Expansion() {}

    /** The block's instances; {@code literals} evaluates count and for_each with variables unknown. */
    static List<Instance> of(Body.Block block, SourceFile file, Evaluator literals) {
        Body.Attribute count = block.body().attribute("count");
        if (count != null) {
            return counted(count, file, literals);
        }
        Body.Attribute forEach = block.body().attribute("for_each");
        if (forEach != null) {
            return forEach(forEach, file, literals);
        }
        return List.of(SINGLE);
    }

    private static List<Instance> counted(Body.Attribute count, SourceFile file, Evaluator literals) {
        Value n = Values.unwrap(literals.eval(count.value(), Scope.EMPTY, file));
        BigDecimal number = n instanceof Value.Number || n instanceof Value.Text ? Conversions.number(n) : null;
        Budget.count(number, count.range(), file);
        // Not a whole number: Terraform rejects it, so the resource is judged once rather than dropped.
        if (number == null || number.signum() < 0 || number.compareTo(BigDecimal.valueOf(Budget.maxInstances())) > 0
                || number.stripTrailingZeros().scale() > 0) {
            Value index = new Value.Unknown("count.index of a count not known statically", count.range());
            return List.of(new Instance("", Scope.EMPTY.with("count", object("index", index, count.range()))));
        }
        List<Instance> out = new ArrayList<>();
        for (int i = 0; i < number.intValue(); i++) {
            Value index = new Value.Number(Integer.toString(i), count.range());
            out.add(new Instance("[" + i + "]", Scope.EMPTY.with("count", object("index", index, count.range()))));
        }
        return out;
    }

    private static List<Instance> forEach(Body.Attribute forEach, SourceFile file, Evaluator literals) {
        Value collection = Values.unwrap(literals.eval(forEach.value(), Scope.EMPTY, file));
        Budget.instances(collection, "for_each", forEach.range(), file);
        List<Instance> out = new ArrayList<>();
        if (collection instanceof Value.MapValue map) {
            for (Value.Entry entry : map.entries().values()) {
                out.add(eachInstance(entry.key(), entry.value(), forEach.range()));
            }
            return out;
        }
        if (collection instanceof Value.ListValue list) {
            for (Value item : list.items()) {
                String key = Values.scalarText(item);
                if (key == null) {
                    return List.of(unknownEach(forEach.range()));
                }
                out.add(eachInstance(key, item, forEach.range()));
            }
            return out;
        }
        return List.of(unknownEach(forEach.range()));
    }

    private static Instance eachInstance(String key, Value value, Range range) {
        Map<String, Value.Entry> each = new LinkedHashMap<>();
        each.put("key", new Value.Entry("key", range, new Value.Text(key, range)));
        each.put("value", new Value.Entry("value", range, value));
        return new Instance("[\"" + key + "\"]", Scope.EMPTY.with("each", new Value.MapValue(each, range)));
    }

    private static Instance unknownEach(Range range) {
        Value unknown = new Value.Unknown("for_each not known statically", range);
        Map<String, Value.Entry> each = new LinkedHashMap<>();
        each.put("key", new Value.Entry("key", range, unknown));
        each.put("value", new Value.Entry("value", range, unknown));
        return new Instance("", Scope.EMPTY.with("each", new Value.MapValue(each, range)));
    }

    private static Value object(String key, Value value, Range range) {
        Map<String, Value.Entry> entries = new LinkedHashMap<>();
        entries.put(key, new Value.Entry(key, range, value));
        return new Value.MapValue(entries, range);
    }
}

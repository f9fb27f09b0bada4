package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Terraform's functions on lists and maps. */
final class CollectionFunctions {
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private CollectionFunctions() {}

    static Map<String, TerraformFunction> all() {
        return Map.ofEntries(
                Map.entry("concat", CollectionFunctions::concat),
                Map.entry("coalesce", CollectionFunctions::coalesce),
                Map.entry("coalescelist", CollectionFunctions::coalescelist),
                Map.entry("lookup", CollectionFunctions::lookup),
                Map.entry("alltrue", args -> allAre(args, true)),
                Map.entry("anytrue", args -> allAre(args, false)),
                Map.entry("length", CollectionFunctions::length),
                Map.entry("element", CollectionFunctions::element),
                Map.entry("index", CollectionFunctions::index),
                Map.entry("slice", CollectionFunctions::slice),
                Map.entry("reverse", args -> {
                    List<Value> items = new ArrayList<>(args.list(0));
                    Collections.reverse(items);
                    return list(args, items);
                }),
                Map.entry("sort", CollectionFunctions::sort),
                Map.entry("range", CollectionFunctions::range),
                Map.entry("zipmap", CollectionFunctions::zipmap),
                Map.entry("one", CollectionFunctions::one),
                Map.entry("compact", CollectionFunctions::compact),
                Map.entry("flatten", args -> {
                    List<Value> flat = new ArrayList<>();
                    flatten(args.list(0), flat);
                    return list(args, flat);
                }),
                Map.entry("distinct", CollectionFunctions::distinct),
                Map.entry("contains", args -> new Value.Bool(indexOf(args.list(0), args.text(1)) >= 0, args.range())),
                Map.entry("keys", args -> sortedEntries(args, true)),
                Map.entry("values", args -> sortedEntries(args, false)),
                Map.entry("merge", CollectionFunctions::merge));
    }

    private static Value list(Arguments args, List<Value> items) {
        return new Value.ListValue(List.copyOf(items), args.range());
    }

    private static Value concat(Arguments args) {
        List<Value> all = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            all.addAll(args.list(i));
        }
        return list(args, all);
    }

    /**
     * The first argument that is neither null nor "". A value not written literally is taken
     * when it cannot be either: a resource's attribute (an ARN, a name), a collection, or a string
     * built with a non-empty known part ({@code "${aws_cloudwatch_log_group.x.arn}:*"}); anything
     * else not known makes the result unknown.
     */
    private static Value coalesce(Arguments args) {
        for (Value arg : args.all()) {
            Value v = Values.unwrap(arg);
            if (v instanceof Value.Null || (v instanceof Value.Text t && t.text().isEmpty())) {
                continue;
            }
            if (Conversions.isKnownScalar(v) && !(v instanceof Value.Text) && args.all().stream().anyMatch(
                    a -> Values.unwrap(a) instanceof Value.Text)) {
                return new Value.Text(Values.scalarText(v), arg.range()); // converted to the arguments' common type
            }
            if (Conversions.isKnownScalar(v) || v instanceof Value.Reference || v instanceof Value.ListValue
                    || v instanceof Value.MapValue || (v instanceof Value.Concatenation c && hasNonEmptyPart(c))) {
                return arg;
            }
            throw new Arguments.NotKnown();
        }
        throw new Arguments.Failed("no argument is neither null nor an empty string");
    }

    private static boolean hasNonEmptyPart(Value.Concatenation c) {
        for (Value part : c.parts()) {
            String s = Values.scalarText(part);
            if (s != null && !s.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static Value coalescelist(Arguments args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.unwrapped(i) instanceof Value.Null) {
                throw new Arguments.Failed("null is not a list");
            }
            if (!args.list(i).isEmpty()) {
                return args.get(i);
            }
        }
        throw new Arguments.Failed("no non-empty list among the arguments");
    }

    private static Value lookup(Arguments args) {
        Value found = args.map(0).get(args.text(1));
        if (found != null) {
            return found;
        }
        if (args.size() > 2) {
            return args.get(2);
        }
        throw new Arguments.Failed("the key is not in the map and no default is given");
    }

    /** alltrue() ({@code value} true) and anytrue() (false): decided by the first element that is not {@code value}. */
    private static Value allAre(Arguments args, boolean value) {
        for (Value item : args.list(0)) {
            Trilean b = Conversions.bool(item);
            if (!b.isKnown()) {
                throw new Arguments.NotKnown();
            }
            if (b.isTrue() != value) {
                return new Value.Bool(!value, args.range());
            }
        }
        return new Value.Bool(value, args.range());
    }

    /** A collection's number of elements; a string's number of user-perceived characters. */
    private static Value length(Arguments args) {
        Value v = args.unwrapped(0);
        int length;
        if (v instanceof Value.ListValue l) {
            length = l.items().size();
        } else if (v instanceof Value.MapValue m) {
            length = m.entries().size();
        } else {
            Matcher graphemes = GRAPHEME.matcher(args.text(0));
            length = 0;
            while (graphemes.find()) {
                length++;
            }
        }
        return new Value.Number(Integer.toString(length), args.range());
    }

    private static Value element(Arguments args) {
        List<Value> items = args.list(0);
        int index = args.integer(1);
        if (items.isEmpty()) {
            throw new Arguments.Failed("element() of an empty list");
        }
        if (index < 0) {
            throw new Arguments.Failed("element() with a negative index");
        }
        return items.get(index % items.size());
    }

    private static Value index(Arguments args) {
        String wanted = args.text(1);
        int index = indexOf(args.list(0), wanted);
        if (index < 0) {
            throw new Arguments.Failed("the value is not in the list");
        }
        return new Value.Number(Integer.toString(index), args.range());
    }

    /** Where a known scalar first stands in a list, or -1; unknown when an element before it is not known. */
    private static int indexOf(List<Value> items, String wanted) {
        for (int i = 0; i < items.size(); i++) {
            String s = Values.scalarText(items.get(i));
            if (s == null) {
                throw new Arguments.NotKnown();
            }
            if (s.equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static Value slice(Arguments args) {
        List<Value> items = args.list(0);
        int from = args.integer(1);
        int to = args.integer(2);
        if (from < 0 || to > items.size() || from > to) {
            throw new Arguments.Failed("slice() indices out of range");
        }
        return list(args, items.subList(from, to));
    }

    private static Value sort(Arguments args) {
        List<String> texts = new ArrayList<>();
        for (Value item : args.list(0)) {
            String s = Values.scalarText(item);
            if (s == null) {
                throw new Arguments.NotKnown();
            }
            texts.add(s);
        }
        texts.sort(SetFunctions::compareBytes);
        List<Value> out = new ArrayList<>();
        for (String t : texts) {
            out.add(new Value.Text(t, args.range()));
        }
        return list(args, out);
    }

    /** range(limit), range(start, limit), range(start, limit, step), at most 1024 numbers as Terraform allows. */
    private static Value range(Arguments args) {
        if (args.size() == 0 || args.size() > 3) {
            throw new Arguments.Failed("range() takes one to three numbers");
        }
        BigDecimal start = BigDecimal.ZERO;
        BigDecimal limit;
        BigDecimal step = BigDecimal.ONE;
        if (args.size() == 1) {
            limit = args.number(0);
        } else {
            start = args.number(0);
            limit = args.number(1);
            if (args.size() == 3) {
                step = args.number(2);
            } else if (limit.compareTo(start) < 0) {
                step = BigDecimal.ONE.negate();
            }
        }
        if (step.signum() == 0) {
            throw new Arguments.Failed("range() with a step of zero");
        }
        List<Value> out = new ArrayList<>();
        boolean up = step.signum() > 0;
        for (BigDecimal n = start; up ? n.compareTo(limit) < 0 : n.compareTo(limit) > 0; n = n.add(step)) {
            if (out.size() >= 1024) {
                throw new Arguments.Failed("range() of more than 1024 numbers");
            }
            out.add(new Value.Number(n.toPlainString(), args.range()));
        }
        return list(args, out);
    }

    private static Value zipmap(Arguments args) {
        List<Value> keys = args.list(0);
        List<Value> values = args.list(1);
        if (keys.size() != values.size()) {
            throw new Arguments.Failed("zipmap() of lists of different lengths");
        }
        Map<String, Value.Entry> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = Values.scalarText(keys.get(i));
            if (key == null) {
                throw new Arguments.NotKnown();
            }
            out.put(key, new Value.Entry(key, keys.get(i).range(), values.get(i)));
        }
        return new Value.MapValue(out, args.range());
    }

    private static Value one(Arguments args) {
        Value v = args.unwrapped(0);
        if (v instanceof Value.Null || v instanceof Value.MapValue) {
            throw new Arguments.Failed("one() needs a list or a set");
        }
        List<Value> items = args.list(0);
        if (items.size() > 1) {
            throw new Arguments.Failed("one() of a list with more than one element");
        }
        return items.isEmpty() ? new Value.Null(args.range()) : items.get(0);
    }

    private static Value compact(Arguments args) {
        List<Value> kept = new ArrayList<>();
        for (Value item : args.list(0)) {
            Value v = Values.unwrap(item);
            if (!(v instanceof Value.Null) && !(v instanceof Value.Text t && t.text().isEmpty())) {
                kept.add(item);
            }
        }
        return list(args, kept);
    }

    private static void flatten(List<Value> items, List<Value> out) {
        for (Value item : items) {
            if (Values.unwrap(item) instanceof Value.ListValue l) {
                flatten(l.items(), out);
            } else {
                out.add(item);
            }
        }
    }

    private static Value distinct(Arguments args) {
        Map<String, Value> seen = new LinkedHashMap<>();
        for (Value item : args.list(0)) {
            String key = Values.scalarText(item);
            if (key == null) {
                throw new Arguments.NotKnown();
            }
            seen.putIfAbsent(key, item);
        }
        return list(args, new ArrayList<>(seen.values()));
    }

    /** keys() or values() of a map: Terraform orders a map's keys lexically, whatever order they were written in. */
    private static Value sortedEntries(Arguments args, boolean keys) {
        List<Value.Entry> entries = new ArrayList<>(args.map(0).entries().values());
        entries.sort((x, y) -> SetFunctions.compareBytes(x.key(), y.key()));
        List<Value> out = new ArrayList<>();
        for (Value.Entry entry : entries) {
            out.add(keys ? new Value.Text(entry.key(), entry.keyRange()) : entry.value());
        }
        return list(args, out);
    }

    private static Value merge(Arguments args) {
        Map<String, Value.Entry> merged = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.unwrapped(i) instanceof Value.Null) {
                continue;
            }
            merged.putAll(args.map(i).entries());
        }
        return new Value.MapValue(merged, args.range());
    }
}

package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sets of known scalars, in the order Terraform gives them: setunion(), setintersection(), setsubtract(). */
final class SetFunctions {
    private SetFunctions() {}

    static Map<String, TerraformFunction> all() {
        return Map.of("setunion", SetFunctions::union,
                "setintersection", args -> keeping(args, true, args.size()),
                "setsubtract", args -> keeping(args, false, 2)); // it takes two sets
    }

    private static Value union(Arguments args) {
        List<Value> result = new ArrayList<>(sorted(args.list(0)));
        for (int i = 1; i < args.size(); i++) {
            sorted(args.list(i)); // each argument must be a set of known scalars
            result.addAll(args.list(i));
        }
        return new Value.ListValue(sorted(result), args.range());
    }

    /** The first set's elements that are ({@code inOthers}) or are not in each of the sets before {@code end}. */
    private static Value keeping(Arguments args, boolean inOthers, int end) {
        List<Value> result = new ArrayList<>(sorted(args.list(0)));
        for (int i = 1; i < Math.min(end, args.size()); i++) {
            Set<String> other = new HashSet<>();
            for (Value item : sorted(args.list(i))) {
                other.add(Values.scalarText(item));
            }
            result.removeIf(item -> other.contains(Values.scalarText(item)) != inOthers);
        }
        return new Value.ListValue(sorted(result), args.range());
    }

    /** A set's elements as Terraform orders them: numbers by value, strings lexically (bytes), duplicates once. */
    static List<Value> sorted(List<Value> items) {
        boolean numbers = true;
        Map<String, Value> seen = new LinkedHashMap<>();
        for (Value item : items) {
            String key = Values.scalarText(item);
            if (key == null) {
                throw new Arguments.NotKnown();
            }
            numbers &= Values.unwrap(item) instanceof Value.Number && Conversions.number(item) != null;
            seen.putIfAbsent(key, item);
        }
        List<Value> out = new ArrayList<>(seen.values());
        if (numbers) {
            out.sort((x, y) -> Conversions.number(x).compareTo(Conversions.number(y)));
        } else {
            out.sort((x, y) -> compareBytes(Values.scalarText(x), Values.scalarText(y)));
        }
        return List.copyOf(out);
    }

    /** Go's string order: by UTF-8 bytes, which is code point order. */
    static int compareBytes(String x, String y) {
        return Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray());
    }
}

package dev.trailwatch.model;

import dev.trailwatch.source.Range;
import java.util.ArrayList;
import java.util.List;

/** Small questions rules and loaders ask of values. */
public final class Values {
    private Values() {}

    /** Looks through substitutions to the value itself. */
    public static Value unwrap(Value value) {
        while (value instanceof Value.Substituted s) {
            value = s.value();
        }
        return value;
    }

    /**
     * The same value as written at {@code range}: where an attribute's expression refers to a
     * value defined elsewhere (a for_each element, a lookup result), the attribute is still where
     * the user wrote it.
     */
    public static Value at(Value value, Range range) {
        if (value.range().equals(range)) {
            return value;
        }
        if (value instanceof Value.Text v) {
            return new Value.Text(v.text(), range);
        }
        if (value instanceof Value.Number v) {
            return new Value.Number(v.literal(), range);
        }
        if (value instanceof Value.Bool v) {
            return new Value.Bool(v.value(), range);
        }
        if (value instanceof Value.Null) {
            return new Value.Null(range);
        }
        if (value instanceof Value.ListValue v) {
            return new Value.ListValue(v.items(), range);
        }
        if (value instanceof Value.MapValue v) {
            return new Value.MapValue(v.entries(), range);
        }
        if (value instanceof Value.Absent) {
            return new Value.Absent(range);
        }
        if (value instanceof Value.Reference v) {
            return new Value.Reference(v.target(), v.attribute(), range);
        }
        if (value instanceof Value.Unknown v) {
            return v.at(range);
        }
        if (value instanceof Value.Conditional v) {
            return new Value.Conditional(v.condition(), v.whenTrue(), v.whenFalse(), range);
        }
        if (value instanceof Value.Concatenation v) {
            return new Value.Concatenation(v.parts(), range);
        }
        Value.Substituted v = (Value.Substituted) value;
        return new Value.Substituted(v.value(), range, v.origin(), v.originDescription());
    }

    /** At most this many undecided conditions are distributed over one concatenation (2^n branches). */
    private static final int MAX_DISTRIBUTED_CONDITIONS = 4;

    /**
     * The concatenation of parts (a template, Fn::Sub, Fn::Join, format()): a known string when
     * every part is known; a value that removes itself ({@code AWS::NoValue}) adds nothing; an
     * undecided condition among the parts becomes a condition over the whole string, so that
     * "empty when C is false" is seen through {@code "${C ? x : ""}"}.
     */
    public static Value concatenate(List<Value> parts, Range range) {
        return concatenate(parts, range, MAX_DISTRIBUTED_CONDITIONS);
    }

    private static Value concatenate(List<Value> parts, Range range, int budget) {
        if (budget > 0) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) instanceof Value.Conditional c) {
                    List<Value> whenTrue = new ArrayList<>(parts);
                    whenTrue.set(i, c.whenTrue());
                    List<Value> whenFalse = new ArrayList<>(parts);
                    whenFalse.set(i, c.whenFalse());
                    return new Value.Conditional(c.condition(), concatenate(whenTrue, range, budget - 1),
                            concatenate(whenFalse, range, budget - 1), range);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (Value part : parts) {
            if (unwrap(part) instanceof Value.Absent) {
                continue;
            }
            String s = scalarText(part);
            if (s == null) {
                return new Value.Concatenation(List.copyOf(parts), range);
            }
            text.append(s);
        }
        return new Value.Text(text.toString(), range);
    }

    /** A list's items, a single value as a list of one, nothing for null: how AWS reads "one or many". */
    public static List<Value> items(Value value) {
        if (value == null) {
            return List.of();
        }
        Value v = unwrap(value);
        return v instanceof Value.ListValue l ? l.items() : List.of(value);
    }

    /** The text of a known scalar (string, number, boolean), or null when it is not one. */
    public static String scalarText(Value value) {
        Value v = unwrap(value);
        if (v instanceof Value.Text t) {
            return t.text();
        }
        if (v instanceof Value.Number n) {
            return n.literal();
        }
        if (v instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        return null;
    }
}

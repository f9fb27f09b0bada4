package dev.trailwatch.rules;

import dev.trailwatch.model.Value;
import dev.trailwatch.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * The values an attribute can take: a value followed through substitutions (remembering where
 * it was set) and through undecided conditions (remembering which way each went), down to its
 * leaves. Rules judge each leaf and name the conditions that lead to a bad one.
 */
final class ValuePaths {
    /** One possible value, the conditions that lead to it, and where it was set if elsewhere. */
    record Leaf(List<String> conditions, Value value, Location origin, String originName) {
        String when() {
            return conditions.isEmpty() ? "" : " when " + String.join(" and ", conditions);
        }

        String from() {
            return originName == null ? "" : " (from " + originName + ")";
        }
    }

    /**
     * Conditions that share sub-values (a local used in both branches of the next) can double the
     * leaves at each step; past this many, the rest is one value not known statically.
     */
    static final int MAX_LEAVES = 256;

    private ValuePaths() {}

    static List<Leaf> leaves(Value value) {
        List<Leaf> out = new ArrayList<>();
        walk(value, new ArrayList<>(), null, null, out);
        return out;
    }

    /** Whether these leaves stop at the limit: there are more ways than were followed. */
    static boolean capped(List<Leaf> leaves) {
        return leaves.size() > MAX_LEAVES;
    }

    private static void walk(Value value, List<String> conditions, Location origin, String originName, List<Leaf> out) {
        if (out.size() >= MAX_LEAVES) {
            if (out.size() == MAX_LEAVES) {
                out.add(new Leaf(List.of(), new Value.Unknown("more than " + MAX_LEAVES
                        + " possible values through conditions", value.range()), origin, originName));
            }
            return;
        }
        if (value instanceof Value.Substituted s) {
            // The innermost origin is the one that set the value.
            boolean named = s.originDescription() != null;
            walk(s.value(), conditions, named ? s.origin() : origin, named ? s.originDescription() : originName, out);
        } else if (value instanceof Value.Conditional c) {
            conditions.add("condition " + c.condition() + " is true");
            walk(c.whenTrue(), conditions, origin, originName, out);
            conditions.set(conditions.size() - 1, "condition " + c.condition() + " is false");
            walk(c.whenFalse(), conditions, origin, originName, out);
            conditions.remove(conditions.size() - 1);
        } else {
            out.add(new Leaf(List.copyOf(conditions), value, origin, originName));
        }
    }
}

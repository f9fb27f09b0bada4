package dev.trailwatch.model;

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

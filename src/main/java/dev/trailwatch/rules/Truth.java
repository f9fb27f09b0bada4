package dev.trailwatch.rules;

import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;

/** A boolean value as both formats write it: a boolean, or the text true or false in any case. */
final class Truth {
    private Truth() {}

    /** TRUE or FALSE when the value is a known boolean, else UNKNOWN. */
    static Trilean of(Value value) {
        Value v = Values.unwrap(value);
        if (v instanceof Value.Bool b) {
            return Trilean.of(b.value());
        }
        if (v instanceof Value.Text t && (t.text().equalsIgnoreCase("true") || t.text().equalsIgnoreCase("false"))) {
            return Trilean.of(t.text().equalsIgnoreCase("true"));
        }
        return Trilean.UNKNOWN;
    }
}

package dev.trailwatch.model;

import dev.trailwatch.source.Location;
import dev.trailwatch.source.Range;
import java.util.List;
import java.util.Map;

/**
 * A property value in the format-neutral resource model. Every node keeps the range it was
 * written at. Loaders resolve what they can statically; what they cannot becomes a
 * {@link Reference}, {@link Unknown} or {@link Conditional} rather than a guess.
 */
public sealed interface Value {
    Range range();

    record Text(String text, Range range) implements Value {}

    /** A number as written, so that nothing is lost to floating point. */
    record Number(String literal, Range range) implements Value {}

    record Bool(boolean value, Range range) implements Value {}

    record Null(Range range) implements Value {}

    record ListValue(List<Value> items, Range range) implements Value {}

    record MapValue(Map<String, Entry> entries, Range range) implements Value {
        public Value get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public Entry entry(String key) {
            return entries.get(key);
        }
    }

    /** One key of a map with the range of the key itself. */
    record Entry(String key, Range keyRange, Value value) {}

    /**
     * A value that removes the property it is assigned to (CloudFormation's {@code AWS::NoValue}).
     */
    record Absent(Range range) implements Value {}

    /**
     * A reference to another resource (attribute null: the resource's default value, as
     * {@code Ref} gives). What the platform supplies ({@code AWS::Region}, a region data source)
     * is an {@link Unknown} with the shape it can take.
     */
    record Reference(String target, String attribute, Range range) implements Value {}

    /**
     * Known only at deploy time; the reason says why (for --strict), the shape what it can look
     * like (a region, an account id, or anything). With {@code failure}, the deploying tool could
     * not compute it at all (Terraform would stop with an error, which its {@code try()} skips),
     * rather than learn it later.
     */
    record Unknown(String reason, Range range, TextShape shape, boolean failure) implements Value {
        public Unknown(String reason, Range range) {
            this(reason, range, TextShape.ANY, false);
        }

        public Unknown(String reason, Range range, TextShape shape) {
            this(reason, range, shape, false);
        }

        /** The same unknown, written at another place. */
        public Unknown at(Range other) {
            return new Unknown(reason, other, shape, failure);
        }

        /** An unknown computed from this one (an operation on it, an attribute of it): its reason, any shape. */
        public Unknown derived(Range other) {
            return new Unknown(reason, other, TextShape.ANY, failure);
        }
    }

    /** The branches of a condition whose value could not be decided statically. */
    record Conditional(String condition, Value whenTrue, Value whenFalse, Range range) implements Value {}

    /** A string built from parts, at least one of which is not a known string. */
    record Concatenation(List<Value> parts, Range range) implements Value {}

    /**
     * A value that came from elsewhere (a parameter's default, a --parameter option): written at
     * {@code range}, defined at {@code origin}, which {@code originDescription} names.
     */
    record Substituted(Value value, Range range, Location origin, String originDescription) implements Value {}
}

package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.Range;
import java.math.BigDecimal;
import java.util.List;

/** The evaluated arguments of one call, read as the kinds of value a function needs. */
final class Arguments {
    /** Terraform would fail on these arguments (so try() skips the call and can() is false). */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** An argument that is not known (or not of the kind the function needs). */
    static final class NotKnown extends RuntimeException {
        NotKnown() {
            super(null, null, false, false);
        }
    }

    /** A form of the call (a format verb, a flag) that trailwatch does not evaluate. */
    static final class NotEvaluated extends RuntimeException {
        NotEvaluated() {
            super(null, null, false, false);
        }
    }

    private final List<Value> values;
    private final Range range;

    Arguments(List<Value> values, Range range) {
        this.values = List.copyOf(values);
        this.range = range;
    }

    /** Where the call is written: the range of what it gives. */
    Range range() {
        return range;
    }

    int size() {
        return values.size();
    }

    List<Value> all() {
        return values;
    }

    /** Argument {@code i} as it is; Terraform fails on a call with too few arguments. */
    Value get(int i) {
        if (i >= values.size()) {
            throw new Failed("an argument is missing");
        }
        return values.get(i);
    }

    /** Argument {@code i} without the substitutions that say where it came from. */
    Value unwrapped(int i) {
        return Values.unwrap(get(i));
    }

    String text(int i) {
        String s = Values.scalarText(get(i));
        if (s == null) {
            throw new NotKnown();
        }
        return s;
    }

    BigDecimal number(int i) {
        BigDecimal n = Conversions.number(get(i));
        if (n == null) {
            throw new NotKnown();
        }
        return n;
    }

    int integer(int i) {
        BigDecimal n = number(i);
        if (n.stripTrailingZeros().scale() > 0) {
            throw new Failed("a whole number is needed");
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new Failed("the number is too large");
        }
    }

    List<Value> list(int i) {
        if (unwrapped(i) instanceof Value.ListValue l) {
            return l.items();
        }
        throw new NotKnown();
    }

    Value.MapValue map(int i) {
        if (unwrapped(i) instanceof Value.MapValue m) {
            return m;
        }
        throw new NotKnown();
    }

    /** The same call with other arguments (formatlist's format() of each row). */
    Arguments with(List<Value> other) {
        return new Arguments(other, range);
    }
}

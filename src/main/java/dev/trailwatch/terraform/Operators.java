package dev.trailwatch.terraform;

import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.Range;
import dev.trailwatch.terraform.functions.Conversions;
import dev.trailwatch.terraform.hcl.Numbers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;

/** HCL's operators on model values; an unknown operand gives an unknown result. */
final class Operators {
    private Operators() {}

    /** HCL's unary operators. */
    enum Unary { NOT, NEGATE }

    /** HCL's binary operators. */
    enum Binary {
        AND, OR, EQUAL, NOT_EQUAL, ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO,
        LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL
    }

    private static final Map<String, Unary> UNARY = Map.of("!", Unary.NOT, "-", Unary.NEGATE);
    private static final Map<String, Binary> BINARY = Map.ofEntries(Map.entry("&&", Binary.AND),
            Map.entry("||", Binary.OR), Map.entry("==", Binary.EQUAL), Map.entry("!=", Binary.NOT_EQUAL),
            Map.entry("+", Binary.ADD), Map.entry("-", Binary.SUBTRACT), Map.entry("*", Binary.MULTIPLY),
            Map.entry("/", Binary.DIVIDE), Map.entry("%", Binary.MODULO), Map.entry("<", Binary.LESS),
            Map.entry(">", Binary.GREATER), Map.entry("<=", Binary.LESS_OR_EQUAL),
            Map.entry(">=", Binary.GREATER_OR_EQUAL));

    /** The unary operator written as {@code symbol} in the AST, if HCL has one. */
    static Optional<Unary> unaryOperator(String symbol) {
        return Optional.ofNullable(UNARY.get(symbol));
    }

    /** The binary operator written as {@code symbol} in the AST, if HCL has one. */
    static Optional<Binary> binaryOperator(String symbol) {
        return Optional.ofNullable(BINARY.get(symbol));
    }

    static Value unary(Unary operator, Value operand, Range range) {
        if (operator == Unary.NOT) {
            Trilean b = Conversions.bool(operand);
            return b.isKnown() ? new Value.Bool(b.not().isTrue(), range) : unknown(operand, range);
        }
        BigDecimal n = Conversions.number(operand);
        return n == null ? unknown(operand, range) : number(n.negate(), range);
    }

    static Value binary(Binary operator, Value left, Value right, Range range) {
        switch (operator) {
            case AND, OR -> {
                Trilean l = Conversions.bool(left);
                Trilean r = Conversions.bool(right);
                // false && x, true || x: decided by one side
                Trilean result = operator == Binary.AND ? l.and(r) : l.or(r);
                return result.isKnown() ? new Value.Bool(result.isTrue(), range)
                        : unknown(l.isKnown() ? right : left, range);
            }
            case EQUAL, NOT_EQUAL -> {
                Trilean equal = equal(left, right);
                if (!equal.isKnown()) {
                    return unknown(isKnown(left) ? right : left, range);
                }
                return new Value.Bool((operator == Binary.EQUAL) == equal.isTrue(), range);
            }
            default -> {
                return arithmetic(operator, left, right, range);
            }
        }
    }

    private static Value arithmetic(Binary operator, Value left, Value right, Range range) {
        BigDecimal l = Conversions.number(left);
        BigDecimal r = Conversions.number(right);
        if (l == null || r == null) {
            return unknown(l == null ? left : right, range);
        }
        return switch (operator) {
            case ADD -> number(l.add(r), range);
            case SUBTRACT -> number(l.subtract(r), range);
            case MULTIPLY -> number(l.multiply(r), range);
            case DIVIDE -> r.signum() == 0 ? new Value.Unknown("division by zero", range)
                    : number(l.divide(r, MathContext.DECIMAL128), range);
            case MODULO -> r.signum() == 0 ? new Value.Unknown("modulo by zero", range) : number(l.remainder(r), range);
            case LESS -> new Value.Bool(l.compareTo(r) < 0, range);
            case GREATER -> new Value.Bool(l.compareTo(r) > 0, range);
            case LESS_OR_EQUAL -> new Value.Bool(l.compareTo(r) <= 0, range);
            case GREATER_OR_EQUAL -> new Value.Bool(l.compareTo(r) >= 0, range);
            case AND, OR, EQUAL, NOT_EQUAL -> throw new IllegalArgumentException(operator + " is not arithmetic");
        };
    }

    private static Value number(BigDecimal n, Range range) {
        if (!Numbers.inRange(n)) {
            return new Value.Unknown("a number beyond 1e" + Numbers.MAX_EXPONENT, range);
        }
        return new Value.Number(n.stripTrailingZeros().toPlainString(), range);
    }

    private static boolean isKnown(Value value) {
        Value v = Values.unwrap(value);
        return v instanceof Value.Text || v instanceof Value.Number || v instanceof Value.Bool || v instanceof Value.Null;
    }

    /** Equality of known scalars and null; unknown when either side is not known. */
    private static Trilean equal(Value left, Value right) {
        Value l = Values.unwrap(left);
        Value r = Values.unwrap(right);
        if (l instanceof Value.Null || r instanceof Value.Null) {
            if (!isKnown(l) || !isKnown(r)) {
                return Trilean.UNKNOWN;
            }
            return Trilean.of(l instanceof Value.Null && r instanceof Value.Null);
        }
        if (l instanceof Value.Number && r instanceof Value.Number) {
            BigDecimal x = Conversions.number(l);
            BigDecimal y = Conversions.number(r);
            if (x != null && y != null) {
                return Trilean.of(x.compareTo(y) == 0);
            }
        }
        if (!isKnown(l) || !isKnown(r)) {
            return Trilean.UNKNOWN;
        }
        return Trilean.of(l.getClass() == r.getClass() && Values.scalarText(l).equals(Values.scalarText(r)));
    }

    /** The unknown result of an operation on {@code cause}: its reason, and whether Terraform would fail on it. */
    private static Value unknown(Value cause, Range range) {
        Value v = Values.unwrap(cause);
        return v instanceof Value.Unknown u ? u.derived(range)
                : new Value.Unknown("an operand is not known statically", range);
    }
}

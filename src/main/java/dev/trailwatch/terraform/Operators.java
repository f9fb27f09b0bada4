package dev.trailwatch.terraform;

import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.Range;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** HCL's operators on model values; an unknown operand gives an unknown result. */
final class Operators {
    private Operators() {}

    static Value unary(String operator, Value operand, Range range) {
        if (operator.equals("!")) {
            Boolean b = asBool(operand);
            return b == null ? unknown(operand, range) : new Value.Bool(!b, range);
        }
        BigDecimal n = asNumber(operand);
        return n == null ? unknown(operand, range) : number(n.negate(), range);
    }

    static Value binary(String operator, Value left, Value right, Range range) {
        switch (operator) {
            case "&&":
            case "||": {
                Boolean l = asBool(left);
                Boolean r = asBool(right);
                boolean and = operator.equals("&&");
                if (Boolean.valueOf(!and).equals(l) || Boolean.valueOf(!and).equals(r)) {
                    return new Value.Bool(!and, range); // false && x, true || x: decided by one side
                }
                return l == null || r == null ? unknown(l == null ? left : right, range) : new Value.Bool(and, range);
            }
            case "==":
            case "!=": {
                Boolean equal = equal(left, right);
                if (equal == null) {
                    return unknown(isKnown(left) ? right : left, range);
                }
                return new Value.Bool(operator.equals("==") == equal, range);
            }
            default:
                break;
        }
        BigDecimal l = asNumber(left);
        BigDecimal r = asNumber(right);
        if (l == null || r == null) {
            return unknown(l == null ? left : right, range);
        }
        switch (operator) {
            case "+": return number(l.add(r), range);
            case "-": return number(l.subtract(r), range);
            case "*": return number(l.multiply(r), range);
            case "/": return r.signum() == 0 ? new Value.Unknown("division by zero", range)
                    : number(l.divide(r, MathContext.DECIMAL128), range);
            case "%": return r.signum() == 0 ? new Value.Unknown("modulo by zero", range) : number(l.remainder(r), range);
            case "<": return new Value.Bool(l.compareTo(r) < 0, range);
            case ">": return new Value.Bool(l.compareTo(r) > 0, range);
            case "<=": return new Value.Bool(l.compareTo(r) <= 0, range);
            case ">=": return new Value.Bool(l.compareTo(r) >= 0, range);
            default: return new Value.Unknown("operator " + operator, range);
        }
    }

    /** Concatenates template parts: a known string when every part is known, else the parts. */
    static Value concatenate(List<Value> parts, Range range) {
        return Values.concatenate(parts, range);
    }

    static Boolean asBool(Value value) {
        Value v = Values.unwrap(value);
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        if (v instanceof Value.Text t && (t.text().equals("true") || t.text().equals("false"))) {
            return Boolean.parseBoolean(t.text()); // Terraform converts "true"/"false" where a bool is wanted
        }
        return null;
    }

    static BigDecimal asNumber(Value value) {
        Value v = Values.unwrap(value);
        String text = v instanceof Value.Number n ? n.literal() : v instanceof Value.Text t ? t.text() : null;
        return text == null ? null : Evaluator.number(text.strip());
    }

    private static Value number(BigDecimal n, Range range) {
        if (!dev.trailwatch.terraform.hcl.Numbers.inRange(n)) {
            return new Value.Unknown("a number beyond 1e" + dev.trailwatch.terraform.hcl.Numbers.MAX_EXPONENT, range);
        }
        return new Value.Number(n.stripTrailingZeros().toPlainString(), range);
    }

    private static boolean isKnown(Value value) {
        Value v = Values.unwrap(value);
        return v instanceof Value.Text || v instanceof Value.Number || v instanceof Value.Bool || v instanceof Value.Null;
    }

    /** Equality of known scalars and null; null when either side is not known. */
    private static Boolean equal(Value left, Value right) {
        Value l = Values.unwrap(left);
        Value r = Values.unwrap(right);
        if (l instanceof Value.Null || r instanceof Value.Null) {
            if (!isKnown(l) || !isKnown(r)) {
                return null;
            }
            return l instanceof Value.Null && r instanceof Value.Null;
        }
        if (l instanceof Value.Number && r instanceof Value.Number) {
            return asNumber(l).compareTo(asNumber(r)) == 0;
        }
        if (!isKnown(l) || !isKnown(r)) {
            return null;
        }
        return l.getClass() == r.getClass() && Values.scalarText(l).equals(Values.scalarText(r));
    }

    private static Value unknown(Value cause, Range range) {
        Value v = Values.unwrap(cause);
        String reason = v instanceof Value.Unknown u ? u.reason() : "an operand is not known statically";
        return new Value.Unknown(reason, range);
    }
}

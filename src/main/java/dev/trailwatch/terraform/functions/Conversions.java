package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.terraform.hcl.Numbers;
import java.math.BigDecimal;
import java.math.MathContext;

/** Terraform's automatic conversions of known values to a bool or a number. */
public final class Conversions {
    private Conversions() {}

    /** A bool, or "true"/"false" (Terraform converts them where a bool is wanted); else unknown. */
    public static Trilean bool(Value value) {
        Value v = Values.unwrap(value);
        if (v instanceof Value.Bool b) {
            return Trilean.of(b.value());
        }
        if (v instanceof Value.Text t && (t.text().equals("true") || t.text().equals("false"))) {
            return Trilean.of(t.text().equals("true"));
        }
        return Trilean.UNKNOWN;
    }

    /** A number, or text that reads as one; null when the value is neither. */
    public static BigDecimal number(Value value) {
        Value v = Values.unwrap(value);
        String text = v instanceof Value.Number n ? n.literal() : v instanceof Value.Text t ? t.text() : null;
        return text == null ? null : parseNumber(text.strip());
    }

    /** A number literal's value; null when it is not one or lies beyond the bound on numbers. */
    public static BigDecimal parseNumber(String literal) {
        try {
            BigDecimal n = new BigDecimal(literal, MathContext.DECIMAL128);
            return Numbers.inRange(n) ? n : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** A number as Terraform prints it ({@code 1.50} is {@code 1.5}); text that is no number as it is. */
    static String canonicalNumber(String literal) {
        BigDecimal n = parseNumber(literal);
        return n == null ? literal : n.stripTrailingZeros().toPlainString();
    }

    /** A string, a number or a bool, known. */
    static boolean isKnownScalar(Value v) {
        return v instanceof Value.Text || v instanceof Value.Number || v instanceof Value.Bool;
    }
}

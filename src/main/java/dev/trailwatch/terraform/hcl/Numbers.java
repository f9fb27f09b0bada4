package dev.trailwatch.terraform.hcl;

import java.math.BigDecimal;

/**
 * HCL numbers have arbitrary precision; trailwatch keeps them within a decimal exponent of
 * ±{@value #MAX_EXPONENT}, so that {@code 1e999999999} is an error at its position rather than a
 * billion-digit string.
 */
public final class Numbers {
    public static final int MAX_EXPONENT = 1000;

    private Numbers() {}

    /** Whether a number's magnitude is within the bound (zero is). */
    public static boolean inRange(BigDecimal n) {
        if (n.signum() == 0) {
            return true;
        }
        long exponent = (long) n.precision() - n.scale() - 1;
        return Math.abs(exponent) <= MAX_EXPONENT;
    }

    /** Whether a literal ({@code 12}, {@code 1.5e3}) is within the bound, read without building it. */
    public static boolean literalInRange(String literal) {
        int e = Math.max(literal.indexOf('e'), literal.indexOf('E'));
        String mantissa = e < 0 ? literal : literal.substring(0, e);
        long exponent = 0;
        if (e >= 0) {
            String digits = literal.substring(e + 1);
            boolean negative = digits.startsWith("-");
            digits = digits.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
            if (digits.length() > 9) {
                return isZero(mantissa);
            }
            exponent = Long.parseLong(digits) * (negative ? -1 : 1);
        }
        int dot = mantissa.indexOf('.');
        String whole = (dot < 0 ? mantissa : mantissa.substring(0, dot)).replaceFirst("^0+", "");
        String fraction = dot < 0 ? "" : mantissa.substring(dot + 1);
        long leading;
        if (!whole.isEmpty()) {
            leading = whole.length() - 1L;
        } else {
            int zeros = 0;
            while (zeros < fraction.length() && fraction.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros == fraction.length()) {
                return true; // zero
            }
            leading = -(zeros + 1L);
        }
        return Math.abs(leading + exponent) <= MAX_EXPONENT;
    }

    private static boolean isZero(String mantissa) {
        return mantissa.chars().allMatch(c -> c == '0' || c == '.');
    }

    /** The message for a number beyond the bound. */
    public static String outOfRange(String literal) {
        String shown = literal.length() > 24 ? literal.substring(0, 20) + "…" : literal;
        return "number " + shown + " is out of range: trailwatch reads numbers up to 1e" + MAX_EXPONENT
                + " in magnitude (and down to 1e-" + MAX_EXPONENT + ")";
    }
}

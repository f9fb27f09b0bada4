package dev.trailwatch.model;

/**
 * A truth value that may not be known before deployment: a condition on a parameter without a
 * value, a comparison with a data source. Replaces a {@code Boolean} whose null meant "unknown".
 */
public enum Trilean {
    TRUE, FALSE, UNKNOWN;

    public static Trilean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public boolean isTrue() {
        return this == TRUE;
    }

    public boolean isFalse() {
        return this == FALSE;
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }

    public Trilean not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** False wins over unknown: {@code false && x} is false whatever x is. */
    public Trilean and(Trilean other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    /** True wins over unknown: {@code true || x} is true whatever x is. */
    public Trilean or(Trilean other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }
}

package dev.trailwatch.source;

import java.util.Objects;

/** A span of source text; {@code end} is the position just after the last character. */
public record Range(Position start, Position end) {
    // equals and hashCode written out, as Position's (start-up).
    @Override
    public boolean equals(Object other) {
        return other instanceof Range that && Objects.equals(start, that.start) && Objects.equals(end, that.end);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(start) + Objects.hashCode(end);
    }

    public static Range of(int startLine, int startColumn, int endLine, int endColumn) {
        return new Range(new Position(startLine, startColumn), new Position(endLine, endColumn));
    }

    /** The smallest range covering both. */
    public Range union(Range other) {
        Position s = start.compareTo(other.start) <= 0 ? start : other.start;
        Position e = end.compareTo(other.end) >= 0 ? end : other.end;
        return new Range(s, e);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}

package dev.trailwatch.source;

/** A span of source text; {@code end} is the position just after the last character. */
public record Range(Position start, Position end) {
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

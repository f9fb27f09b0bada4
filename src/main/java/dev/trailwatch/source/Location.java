package dev.trailwatch.source;

/** A range in a named file, as shown to the user. */
public record Location(String file, Range range) {
    public int line() {
        return range.start().line();
    }

    public int column() {
        return range.start().column();
    }
}

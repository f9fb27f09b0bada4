package dev.trailwatch.source;

import java.util.Objects;

/** A range in a named file, as shown to the user. */
public record Location(String file, Range range) {
    // equals and hashCode written out, as Position's (start-up).
    @Override
    public boolean equals(Object other) {
        return other instanceof Location that && Objects.equals(file, that.file) && Objects.equals(range, that.range);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(file) + Objects.hashCode(range);
    }

    public int line() {
        return range.start().line();
    }

    public int column() {
        return range.start().column();
    }
}

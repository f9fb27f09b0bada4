package dev.trailwatch.source;

/** A comment as written in a source file, its markers ({@code #}, {@code //}, {@code /* *}{@code /}) included. */
public record Comment(Range range, String text) {
    /** Whether it is a line comment ({@code #} or {@code //}), which runs to the end of its line. */
    public boolean isLineComment() {
        return text.startsWith("#") || text.startsWith("//");
    }
}

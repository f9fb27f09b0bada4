package dev.trailwatch.source;

/** A place in a source file; line and column are 1-based, columns count characters. */
public record Position(int line, int column) implements Comparable<Position> {
    // equals and hashCode are written out: a record's generated ones are linked through method
    // handles on first use, which costs a short run's start-up tens of milliseconds (README).
    @Override
    public boolean equals(Object other) {
        return other instanceof Position that && line == that.line && column == that.column;
    }

    @Override
    public int hashCode() {
        return 31 * line + column;
    }

    @Override
    public int compareTo(Position other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}

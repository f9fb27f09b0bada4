package dev.trailwatch.source;

/**
 * An input that cannot be read or parsed. Carries the position when there is one, so that it
 * becomes one line of the report's {@code errors}, never a stack trace.
 */
public final class InputException extends Exception {
    private final Position position;

    public InputException(String message, Position position) {
        super(message, null, false, false);
        this.position = position;
    }

    public InputException(String message) {
        this(message, null);
    }

    /** Where in the file the problem is, or null when it concerns the whole file. */
    public Position position() {
        return position;
    }
}

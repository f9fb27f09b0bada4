package dev.trailwatch.source;

import java.util.Objects;

/** An input that could not be read or parsed; position is null when it concerns the whole file. */
public record InputError(String file, Position position, String message) {
    // equals and hashCode written out, as Position's (start-up).
    @Override
    public boolean equals(Object other) {
        return other instanceof InputError that && Objects.equals(file, that.file)
                && Objects.equals(position, that.position) && Objects.equals(message, that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, position, message);
    }
}

package dev.trailwatch.source;

import dev.trailwatch.source.Position;

/** An input that could not be read or parsed; position is null when it concerns the whole file. */
public record InputError(String file, Position position, String message) {}

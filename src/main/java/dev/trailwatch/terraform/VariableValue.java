package dev.trailwatch.terraform;

import dev.trailwatch.model.Value;
import dev.trailwatch.source.Location;

/**
 * A module variable's value and where it was set: the default, a tfvars entry, a command-line
 * option (origin null) or a module call's argument.
 */
public record VariableValue(Value value, Location origin, String description) {}

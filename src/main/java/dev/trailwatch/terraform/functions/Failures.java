package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.TextShape;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.Range;

/**
 * Values Terraform itself could not compute: an error in Terraform, which {@code try()} skips
 * and {@code can()} reports as false, as opposed to a value merely not known before it runs.
 */
public final class Failures {
    private static final String REASON_PREFIX = "Terraform would fail here: ";

    private Failures() {}

    /** A value Terraform would fail to compute, with why. */
    public static Value.Unknown failure(String reason, Range range) {
        return new Value.Unknown(REASON_PREFIX + reason, range, TextShape.ANY, true);
    }

    /** True when Terraform would fail to evaluate this value, as opposed to merely not knowing it yet. */
    public static boolean failed(Value value) {
        return Values.unwrap(value) instanceof Value.Unknown u && u.failure();
    }
}

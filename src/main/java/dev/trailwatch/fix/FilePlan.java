package dev.trailwatch.fix;

import dev.trailwatch.rules.Finding;
import java.util.List;

/**
 * What can be done for the findings of one file: {@code fixes} (reusing a suitable log group or
 * role the file declares when there is one), {@code fallback} (the same with new resources instead
 * of reused ones; empty when nothing was reused) and the findings that cannot be fixed automatically,
 * each with the reason.
 */
public record FilePlan(String file, List<Fix> fixes, List<Fix> fallback, List<NotFixed> notFixed) {
    /** A finding left as it is, and why. */
    public record NotFixed(Finding finding, String reason) {}

    public boolean isEmpty() {
        return fixes.isEmpty();
    }
}

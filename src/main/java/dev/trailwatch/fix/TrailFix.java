package dev.trailwatch.fix;

import dev.trailwatch.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A trail's fix, its variant with new resources where {@code preferred} reuses some the file
 * declares (null when nothing is reused), or, when {@code reason} is set, why there is none.
 */
record TrailFix(Fix preferred, Fix fallback, String reason) {
    static TrailFix none(String reason) {
        return new TrailFix(null, null, reason);
    }

    /** The file's plan: each trail's fix, or its findings left with the reason. */
    static <T> FilePlan plan(String file, Map<T, List<Finding>> byTrail, List<FilePlan.NotFixed> notFixed,
            BiFunction<T, List<Finding>, TrailFix> fixTrail) {
        List<Fix> fixes = new ArrayList<>();
        List<Fix> fallback = new ArrayList<>();
        List<FilePlan.NotFixed> left = new ArrayList<>(notFixed);
        boolean reused = false;
        for (Map.Entry<T, List<Finding>> trail : byTrail.entrySet()) {
            TrailFix fix = fixTrail.apply(trail.getKey(), trail.getValue());
            for (Finding f : trail.getValue()) {
                if (fix.reason() != null) {
                    left.add(new FilePlan.NotFixed(f, fix.reason()));
                } else if (!fix.preferred().ruleIds().contains(f.ruleId())) {
                    left.add(new FilePlan.NotFixed(f, "no automatic fix for " + f.ruleId()));
                }
            }
            if (fix.reason() == null) {
                fixes.add(fix.preferred());
                fallback.add(fix.fallback() == null ? fix.preferred() : fix.fallback());
                reused |= fix.fallback() != null;
            }
        }
        return new FilePlan(file, fixes, reused ? fallback : List.of(), left);
    }
}

package dev.trailwatch.rules;

import dev.trailwatch.source.Location;
import java.util.List;

/** One problem found: what the user sees in every report format. */
public record Finding(String ruleId, Severity severity, Location location, ResourceRef resource, String message,
        String remediation, List<Related> related) {

    /** The resource a finding is about. */
    public record ResourceRef(String type, String name, String address) {}

    /** Another place that explains the finding, such as the default that made a value empty. */
    public record Related(Location location, String message) {}
}

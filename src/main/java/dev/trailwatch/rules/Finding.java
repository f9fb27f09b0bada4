package dev.trailwatch.rules;

import dev.trailwatch.model.Suppression;
import dev.trailwatch.source.Location;
import java.time.LocalDate;
import java.util.List;

/**
 * One problem found: what the user sees in every report format. {@code fingerprint} identifies it
 * across edits elsewhere in the file (null until the scan sets it); {@code suppressed} says why it
 * is not counted (null when it is). {@code aspect}, when a rule can say several things about one
 * resource (TW000 on each attribute, TW100 on each suppression), tells them apart in the fingerprint.
 */
public record Finding(String ruleId, Severity severity, Location location, ResourceRef resource, String message,
        String remediation, List<Related> related, String fingerprint, Suppressed suppressed, String aspect) {

    public Finding(String ruleId, Severity severity, Location location, ResourceRef resource, String message,
            String remediation, List<Related> related) {
        this(ruleId, severity, location, resource, message, remediation, related, null, null, null);
    }

    /** The resource a finding is about. */
    public record ResourceRef(String type, String name, String address) {}

    /** Another place that explains the finding, such as the default that made a value empty. */
    public record Related(Location location, String message) {}

    /**
     * Why a finding is suppressed: {@code kind} says where the suppression is written, {@code at}
     * where exactly (null for a baseline).
     */
    public record Suppressed(Suppression.Kind kind, String reason, LocalDate expires, Location at) {
        public Suppressed(Suppression.Kind kind, String reason, LocalDate expires) {
            this(kind, reason, expires, null);
        }
    }

    public Finding withFingerprint(String value) {
        return new Finding(ruleId, severity, location, resource, message, remediation, related, value, suppressed, aspect);
    }

    public Finding withSuppression(Suppressed value) {
        return new Finding(ruleId, severity, location, resource, message, remediation, related, fingerprint, value, aspect);
    }

    public Finding withSeverity(Severity value) {
        return new Finding(ruleId, value, location, resource, message, remediation, related, fingerprint, suppressed,
                aspect);
    }

    public Finding withAspect(String value) {
        return new Finding(ruleId, severity, location, resource, message, remediation, related, fingerprint,
                suppressed, value);
    }

    public boolean isSuppressed() {
        return suppressed != null;
    }
}

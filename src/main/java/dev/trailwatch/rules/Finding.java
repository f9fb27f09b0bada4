package dev.trailwatch.rules;

import dev.trailwatch.model.Suppression;
import dev.trailwatch.source.Location;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One problem found: what the user sees in every report format. {@code fingerprint} identifies it
 * across edits elsewhere in the file (null until the scan sets it); {@code suppressed} says why it
 * is not counted (null when it is). {@code aspect}, when a rule can say several things about one
 * resource (TW000 on each attribute, TW100 on each suppression), tells them apart in the fingerprint.
 */
public record Finding(String ruleId, Severity severity, Location location, ResourceRef resource, String message,
        String remediation, List<Related> related, String fingerprint, Suppressed suppressed, String aspect) {
    // equals and hashCode are written out here and in the nested records: a record's generated
    // ones are linked through method handles on first use, which costs a short run's start-up
    // tens of milliseconds (README).
    @Override
    public boolean equals(Object other) {
        return other instanceof Finding that && Objects.equals(ruleId, that.ruleId) && severity == that.severity
                && Objects.equals(location, that.location) && Objects.equals(resource, that.resource)
                && Objects.equals(message, that.message) && Objects.equals(remediation, that.remediation)
                && Objects.equals(related, that.related) && Objects.equals(fingerprint, that.fingerprint)
                && Objects.equals(suppressed, that.suppressed) && Objects.equals(aspect, that.aspect);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, severity, location, resource, message, remediation, related, fingerprint,
                suppressed, aspect);
    }

    public Finding(String ruleId, Severity severity, Location location, ResourceRef resource, String message,
            String remediation, List<Related> related) {
        this(ruleId, severity, location, resource, message, remediation, related, null, null, null);
    }

    /** The resource a finding is about. */
    public record ResourceRef(String type, String name, String address) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ResourceRef that && Objects.equals(type, that.type)
                    && Objects.equals(name, that.name) && Objects.equals(address, that.address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, name, address);
        }
    }

    /** Another place that explains the finding, such as the default that made a value empty. */
    public record Related(Location location, String message) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Related that && Objects.equals(location, that.location)
                    && Objects.equals(message, that.message);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(location) + Objects.hashCode(message);
        }
    }

    /**
     * Why a finding is suppressed: {@code kind} says where the suppression is written, {@code at}
     * where exactly (null for a baseline).
     */
    public record Suppressed(Suppression.Kind kind, String reason, LocalDate expires, Location at) {
        public Suppressed(Suppression.Kind kind, String reason, LocalDate expires) {
            this(kind, reason, expires, null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Suppressed that && kind == that.kind && Objects.equals(reason, that.reason)
                    && Objects.equals(expires, that.expires) && Objects.equals(at, that.at);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, reason, expires, at);
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

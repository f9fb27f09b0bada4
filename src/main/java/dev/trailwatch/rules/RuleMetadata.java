package dev.trailwatch.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What reports and {@code trailwatch rules}/{@code explain} show about a rule, written next to its
 * code with {@link #rule}. (Not an annotation: reading one at run time builds a proxy class, which
 * costs every start.) The long explanation lives in
 * {@code src/main/resources/dev/trailwatch/rules/ID.md}.
 */
public record RuleMetadata(String id, String name, Severity severity, String summary, List<String> peerIds,
        List<String> tags, String helpUri, String securitySeverity, RuleKind kind) {
    /** {@code name}: short PascalCase, as SARIF's {@code rule.name} wants it. */
    public static Builder rule(String id, String name, Severity severity) {
        return new Builder(id, name, severity);
    }

    /** The rest of a rule's metadata; a check of each trail unless {@link #kind} says otherwise. */
    public static final class Builder {
        private final String id;
        private final String name;
        private final Severity severity;
        private String summary;
        private List<String> peerIds = List.of();
        private List<String> tags = List.of();
        private String helpUri;
        private String securitySeverity;
        private RuleKind kind = RuleKind.CHECK;

        private Builder(String id, String name, Severity severity) {
            this.id = id;
            this.name = name;
            this.severity = severity;
        }

        /** One sentence: what a finding means. */
        public Builder summary(String value) {
            summary = value;
            return this;
        }

        /** The same check in other linters, e.g. {@code CKV2_AWS_10}. */
        public Builder peerIds(String... values) {
            peerIds = List.of(values);
            return this;
        }

        /** Versioned standard controls, e.g. {@code CIS-AWS-1.4.0/3.4}. */
        public Builder tags(String... values) {
            tags = List.of(values);
            return this;
        }

        /** Documentation of the fix (AWS's own pages). */
        public Builder helpUri(String value) {
            helpUri = value;
            return this;
        }

        /** GitHub code scanning's 0.0-10.0 score, as a string. */
        public Builder securitySeverity(String value) {
            securitySeverity = value;
            return this;
        }

        public Builder kind(RuleKind value) {
            kind = value;
            return this;
        }

        public RuleMetadata build() {
            if (summary == null || helpUri == null || securitySeverity == null) {
                throw new IllegalStateException(id + ": a rule's metadata needs a summary, a helpUri and a"
                        + " securitySeverity");
            }
            return new RuleMetadata(id, name, severity, summary, peerIds, tags, helpUri, securitySeverity, kind);
        }
    }

    /** Whether the rule checks each trail (a JUnit test case per trail and rule). */
    public boolean checksTrails() {
        return kind == RuleKind.CHECK;
    }

    /** Whether the rule runs only when asked for (--strict): it reports what could not be seen, not a problem. */
    public boolean onlyWhenStrict() {
        return kind == RuleKind.UNKNOWN_VALUES;
    }

    /** The long explanation shown by {@code trailwatch explain}, or null when there is none. */
    public String explanation() {
        try (InputStream in = RuleMetadata.class.getResourceAsStream(id + ".md")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

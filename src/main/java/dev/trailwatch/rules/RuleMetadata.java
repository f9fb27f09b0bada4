package dev.trailwatch.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What reports and {@code trailwatch rules}/{@code explain} show about a rule. */
public record RuleMetadata(String id, String name, Severity severity, String summary, List<String> peerIds,
        List<String> tags, String helpUri, String securitySeverity, RuleKind kind) {
    public static RuleMetadata of(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
        }
        return new RuleMetadata(info.id(), info.name(), info.severity(), info.summary(), List.of(info.peerIds()),
                List.of(info.tags()), info.helpUri(), info.securitySeverity(), info.kind());
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

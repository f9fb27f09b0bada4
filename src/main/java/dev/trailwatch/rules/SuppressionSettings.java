package dev.trailwatch.rules;

import java.util.Set;

/**
 * What the project lets suppress findings: comments and Metadata in the code ({@code inline},
 * on unless {@code inline-suppressions: false}), other linters' skips ({@code peers}, off unless
 * asked for), and which rules no suppression may silence ({@code notIgnorable}, from
 * {@code rules: {TW001: {ignorable: false}}}).
 */
public record SuppressionSettings(boolean inline, boolean peers, Set<String> notIgnorable) {
    public static final SuppressionSettings DEFAULT = new SuppressionSettings(true, false, Set.of());
}

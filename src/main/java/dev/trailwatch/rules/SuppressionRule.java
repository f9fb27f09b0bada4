package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.source.Location;
import dev.trailwatch.model.Suppression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.Consumer;

/**
 * TW100: a suppression that does not hold (no reason, an unknown rule id, past its expiry date,
 * an inline comment that stands before or inside no resource, a suppression in the code where the
 * project allows them only in its project file, or of a rule the project makes not ignorable). It does not apply, and says so
 * where it is written.
 */
public final class SuppressionRule extends Rule {
    private static final RuleMetadata METADATA = RuleMetadata.rule("TW100", "SuppressionHolds", Severity.WARNING)
            .summary("A suppression must give a reason, name known rules, be attached to a resource and not be past "
                    + "its expiry date")
            .tags("trailwatch")
            .helpUri("https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html")
            .securitySeverity("0.0")
            .kind(RuleKind.SUPPRESSION_MISUSE).build();

    private final Set<String> knownIds;
    private final Supplier<LocalDate> clock;
    /** Read from the clock when an expiry date is first compared: the time zone takes a short run time to load. */
    private volatile LocalDate today;
    private final SuppressionSettings settings;

    public SuppressionRule(Set<String> knownIds, Supplier<LocalDate> clock, SuppressionSettings settings) {
        super(METADATA);
        this.knownIds = knownIds;
        this.clock = clock;
        this.settings = settings;
    }

    /** For the registry: the metadata only matters there. */
    public SuppressionRule() {
        this(Set.of(), LocalDate::now, SuppressionSettings.DEFAULT);
    }

    @Override
    public void check(ResourceModel model, Consumer<Finding> report) {
        Set<Location> reported = new HashSet<>();
        for (Suppression s : model.suppressions()) {
            if (s.kind() == Suppression.Kind.PEER) {
                continue; // another linter's: not ours to judge
            }
            String problem = problem(s);
            // An inline comment over a resource with count or for_each is one suppression per instance: say it once.
            if (problem != null && reported.add(s.location())) {
                report.accept(finding(s, problem));
            }
        }
    }

    /** What the project allows: inline suppressions, other linters' skips, rules not ignorable. */
    public SuppressionSettings settings() {
        return settings;
    }

    /** The day expiry dates are compared with. */
    public LocalDate today() {
        LocalDate day = today;
        if (day == null) {
            day = clock.get();
            today = day;
        }
        return day;
    }

    /** Why a suppression does not hold, or null when it does. */
    public String problem(Suppression s) {
        List<String> problems = new ArrayList<>();
        if (s.ruleIds().isEmpty()) {
            problems.add("names no rule");
        }
        for (String id : s.ruleIds()) {
            if (!knownIds.contains(id)) {
                problems.add("names unknown rule " + id);
            }
        }
        if (!s.hasReason()) {
            problems.add("gives no reason");
        }
        if (s.hasBadDate()) {
            problems.add("has an expiry date that is not YYYY-MM-DD (" + s.expiresText() + ")");
        } else if (s.expires() != null && s.isExpired(today())) {
            problems.add("expired on " + s.expires());
        }
        if (s.kind() == Suppression.Kind.INLINE && s.resource() == null) {
            problems.add("stands before or inside no resource");
        }
        if (!settings.inline() && (s.kind() == Suppression.Kind.INLINE || s.kind() == Suppression.Kind.METADATA)) {
            problems.add("is in the code, and this project allows suppressions only in its project file"
                    + " (inline-suppressions: false)");
        }
        for (String id : s.ruleIds()) {
            if (settings.notIgnorable().contains(id)) {
                problems.add("suppresses " + id + ", which this project does not allow to be suppressed (ignorable: false)");
            }
        }
        return problems.isEmpty() ? null : String.join(", ", problems);
    }

    public Finding finding(Suppression s, String problem) {
        String target = s.resource() == null || s.kind() != Suppression.Kind.INLINE ? s.resource()
                : ResourceModel.withoutIndex(s.resource());
        String subject = target == null ? "a suppression" : "the suppression of " + target;
        Finding.ResourceRef resource = new Finding.ResourceRef("trailwatch suppression", s.kind().label(),
                target == null ? s.location().file() : target);
        return new Finding(metadata().id(), metadata().severity(), s.location(), resource,
                subject + " does not apply: it " + problem, "Give the rule ids, a reason and, if it is temporary, a"
                + " future exp:YYYY-MM-DD; see `trailwatch explain TW100`.", List.of())
                .withAspect(String.join(",", s.ruleIds()) + "\n" + s.reason());
    }
}

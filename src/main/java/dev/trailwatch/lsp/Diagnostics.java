package dev.trailwatch.lsp;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.RuleMetadata;
import dev.trailwatch.rules.Rules;
import dev.trailwatch.source.InputError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Findings and input errors as LSP diagnostics: the rule id as code, its help as code
 * description, related locations as related information. Our positions are 1-based and count
 * UTF-16 characters; the protocol's are 0-based in the same unit.
 */
final class Diagnostics {
    static final String SOURCE = "trailwatch";
    private static final Map<String, RuleMetadata> RULES = rules();

    private Diagnostics() {}

    private static Map<String, RuleMetadata> rules() {
        Map<String, RuleMetadata> byId = new LinkedHashMap<>();
        for (Rule rule : Rules.all()) {
            byId.put(rule.metadata().id(), rule.metadata());
        }
        return byId;
    }

    static RuleMetadata rule(String id) {
        return RULES.get(id);
    }

    /** {@code uriOf} turns a displayed file name into the URI the client knows it by. */
    static Diagnostic of(Finding finding, Function<String, String> uriOf) {
        Diagnostic diagnostic = new Diagnostic(range(finding.location().range()), finding.message(),
                severity(finding), SOURCE, finding.ruleId());
        RuleMetadata rule = RULES.get(finding.ruleId());
        if (rule != null && rule.helpUri() != null && !rule.helpUri().isEmpty()) {
            diagnostic.setCodeDescription(new DiagnosticCodeDescription(rule.helpUri()));
        }
        if (!finding.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>();
            for (Finding.Related r : finding.related()) {
                related.add(new DiagnosticRelatedInformation(
                        new Location(uriOf.apply(r.location().file()), range(r.location().range())), r.message()));
            }
            diagnostic.setRelatedInformation(related);
        }
        return diagnostic;
    }

    /** An input that could not be read or parsed: one error at its position (the file's start when it has none). */
    static Diagnostic of(InputError error) {
        Position at = error.position() == null ? new Position(0, 0) : position(error.position());
        return new Diagnostic(new Range(at, at), error.message(), DiagnosticSeverity.Error, SOURCE);
    }

    private static DiagnosticSeverity severity(Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        };
    }

    static Range range(dev.trailwatch.source.Range range) {
        return new Range(position(range.start()), position(range.end()));
    }

    static Position position(dev.trailwatch.source.Position position) {
        return new Position(Math.max(0, position.line() - 1), Math.max(0, position.column() - 1));
    }

    /** Whether a range of ours and an LSP range share a position (ends included: a cursor just after a word is on it). */
    static boolean overlaps(dev.trailwatch.source.Range ours, Range theirs) {
        Range found = range(ours);
        return !before(theirs.getEnd(), found.getStart()) && !before(found.getEnd(), theirs.getStart());
    }

    private static boolean before(Position a, Position b) {
        return a.getLine() < b.getLine() || a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter();
    }
}

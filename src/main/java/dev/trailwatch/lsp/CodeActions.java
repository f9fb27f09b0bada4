package dev.trailwatch.lsp;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.SuppressionRule;
import dev.trailwatch.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * The actions offered on a finding: its {@code --fix} edits (from {@link QuickFixes}), and a
 * suppression comment ({@code # trailwatch:ignore ID}, SPEC: Suppressing) on the line before the
 * finding, which is before its resource or inside it. The comment is inserted without a reason:
 * TW100 then asks for one where it stands, so that no suppression goes in unexplained.
 */
final class CodeActions {
    static final String SUPPRESSION_PREFIX = "# trailwatch:ignore ";

    private final Workspace workspace;
    private final QuickFixes fixes;

    CodeActions(Workspace workspace, QuickFixes fixes) {
        this.workspace = workspace;
        this.fixes = fixes;
    }

    List<CodeAction> actions(Path file, Range requested) {
        List<CodeAction> actions = new ArrayList<>();
        SourceFile text = file == null ? null : workspace.text(file);
        if (text == null) {
            return actions;
        }
        for (Finding finding : workspace.findings(file)) {
            if (!Diagnostics.overlaps(finding.location().range(), requested)) {
                continue;
            }
            Diagnostic diagnostic = Diagnostics.of(finding, workspace::uriOfShown);
            for (QuickFixes.Fix fix : fixes.fixesFor(finding, file, workspace::text)) {
                actions.add(quickFix(fix, diagnostic));
            }
            if (commentsAllowed(file) && !finding.ruleId().equals(SUPPRESS_CHECKER)) {
                actions.add(suppression(file, text, finding, diagnostic));
            }
        }
        return actions;
    }

    /** TW100 reports a suppression that does not hold: a suppression of it would be one more to fix. */
    private static final String SUPPRESS_CHECKER = new SuppressionRule().metadata().id();

    private CodeAction quickFix(QuickFixes.Fix fix, Diagnostic diagnostic) {
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        for (QuickFixes.FileEdit edit : fix.edits()) {
            changes.computeIfAbsent(workspace.uriOf(edit.file()), uri -> new ArrayList<>())
                    .add(new TextEdit(Diagnostics.range(edit.range()), edit.newText()));
        }
        CodeAction action = new CodeAction(fix.title());
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(diagnostic));
        action.setEdit(new WorkspaceEdit(changes));
        action.setIsPreferred(true);
        return action;
    }

    private CodeAction suppression(Path file, SourceFile text, Finding finding, Diagnostic diagnostic) {
        int line = finding.location().line();
        String lineText = lineText(text.text(), line);
        String indent = lineText.substring(0, lineText.length() - lineText.stripLeading().length());
        Position start = new Position(line - 1, 0);
        TextEdit insert = new TextEdit(new Range(start, start), indent + SUPPRESSION_PREFIX + finding.ruleId() + "\n");
        CodeAction action = new CodeAction("Suppress " + finding.ruleId() + " here (then write the reason after the id)");
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(diagnostic));
        action.setEdit(new WorkspaceEdit(Map.of(workspace.uriOf(file), List.of(insert))));
        return action;
    }

    private static String lineText(String text, int line) {
        int start = 0;
        for (int i = 1; i < line && start >= 0; i++) {
            start = text.indexOf('\n', start);
            start = start < 0 ? -1 : start + 1;
        }
        if (start < 0) {
            return "";
        }
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** Comments exist in HCL and YAML; JSON has none (a template's Metadata would be its place). */
    private static boolean commentsAllowed(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tf") || name.endsWith(".hcl") || name.endsWith(".yaml") || name.endsWith(".yml");
    }
}

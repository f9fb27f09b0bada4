package dev.trailwatch.lsp;

import dev.trailwatch.fix.FilePlan;
import dev.trailwatch.fix.Fixer;
import dev.trailwatch.fix.TextEdit;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code --fix} edits of a finding as quick fixes, planned on the text the editor has (the
 * unsaved buffer when the file is open). Unlike {@code scan --fix}, the result is not checked by a
 * new scan before it is offered: the editor applies it to the buffer, and the diagnostics that
 * follow show what it did.
 */
final class FixerQuickFixes implements QuickFixes {
    @Override
    public List<Fix> fixesFor(Finding finding, Path file, Function<Path, SourceFile> texts) {
        SourceFile text = texts.apply(file);
        if (!Fixer.fixable(finding) || text == null) {
            return List.of();
        }
        FilePlan plan;
        try {
            plan = Fixer.plan(finding.location().file(), file, text.text(), List.of(finding));
        } catch (InputException e) {
            return List.of(); // the buffer does not parse now: the syntax error is its diagnostic
        }
        List<Fix> out = new ArrayList<>();
        for (dev.trailwatch.fix.Fix fix : plan.fixes()) {
            List<FileEdit> edits = new ArrayList<>();
            for (TextEdit edit : fix.edits()) {
                edits.add(new FileEdit(file, edit.range(), edit.newText()));
            }
            out.add(new Fix(fix.description(), edits));
        }
        return out;
    }
}

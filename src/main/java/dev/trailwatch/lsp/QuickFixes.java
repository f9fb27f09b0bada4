package dev.trailwatch.lsp;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Where the {@code --fix} edits come from for the code actions: the fixer (dev.trailwatch.fix)
 * implements this; the server turns each fix into a quick fix whose workspace edit may touch
 * several files. Ranges are ours (1-based, UTF-16 columns) in the text {@code texts} gives: the
 * unsaved buffer when the file is open, else the file on disk.
 */
public interface QuickFixes {
    /** Replace {@code range} of {@code file} with {@code newText} (an empty range inserts). */
    record FileEdit(Path file, Range range, String newText) {}

    /** One fix, as the user picks it: its title and every edit it makes. */
    record Fix(String title, List<FileEdit> edits) {}

    List<Fix> fixesFor(Finding finding, Function<Path, SourceFile> texts);

    /** Until a fixer is plugged in: no fixes (the suppress action is still offered). */
    QuickFixes NONE = (finding, texts) -> List.of();
}

package dev.trailwatch.fix;

import dev.trailwatch.source.Range;

/**
 * One change to a file's text: the characters in {@code range} (empty for an insertion) become
 * {@code newText}. Positions are those of the original text, as the language server's edits are.
 */
public record TextEdit(Range range, String newText) {
    public static TextEdit insert(dev.trailwatch.source.Position at, String text) {
        return new TextEdit(new Range(at, at), text);
    }
}

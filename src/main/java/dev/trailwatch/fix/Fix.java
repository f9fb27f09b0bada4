package dev.trailwatch.fix;

import java.util.List;

/**
 * The edits that remedy the findings of rules {@code ruleIds} on one resource of one file, as a
 * language server offers them as one code action: {@code file} is the path as reported,
 * {@code edits} are positioned in the file's text as it was scanned.
 */
public record Fix(String file, String address, List<String> ruleIds, String description, List<TextEdit> edits) {}

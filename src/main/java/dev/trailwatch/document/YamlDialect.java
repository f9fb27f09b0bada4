package dev.trailwatch.document;

import dev.trailwatch.model.Value;
import dev.trailwatch.source.InputException;

/**
 * What a YAML reader makes of tags, and whose rules it applies: a format built on YAML (a
 * CloudFormation template) gives tags meaning and refuses what its service refuses (aliases,
 * merge keys, tags on keys, several documents), each an error at its position naming it.
 */
public interface YamlDialect {
    /** Who refuses what this reader refuses, as the messages name it ("CloudFormation"). */
    String refusedBy();

    /** What the document is called in messages ("a template"). */
    String documentName();

    /**
     * The value a node with an application tag stands for ({@code !Ref X}); {@code plain} is the
     * node as read without its tag, a scalar read as text.
     *
     * @throws InputException when the dialect knows no such tag
     */
    Value tagged(String tag, Value plain) throws InputException;
}

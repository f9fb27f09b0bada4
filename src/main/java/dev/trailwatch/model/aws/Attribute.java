package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.Value;
import dev.trailwatch.source.Range;

/**
 * One attribute of a typed resource: the name the user wrote (or would write) it under, and
 * its entry when it is present.
 */
public record Attribute(String name, Value.Entry entry) {
    /** A resource's attribute by name, present when the resource sets it. */
    public static Attribute of(Resource resource, String name) {
        return new Attribute(name, resource.property(name));
    }

    public boolean isPresent() {
        return entry != null;
    }

    public Value value() {
        return entry == null ? null : entry.value();
    }

    /** From the key to the end of the value. */
    public Range range() {
        return entry.keyRange().union(entry.value().range());
    }
}

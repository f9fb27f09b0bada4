package dev.trailwatch.rules.iam;

import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;

/**
 * The resources a request is about (for CloudTrail: every log stream it may write in the trail's
 * log group), as one statement's Resource or NotResource patterns see them.
 */
@FunctionalInterface
public interface RequestedResources {
    /**
     * Whether one resource pattern (one item of Resource or NotResource, perhaps built from parts
     * known only at deployment) matches: TRUE every requested resource, FALSE none of them,
     * UNKNOWN some, or it cannot be told.
     */
    Trilean matchedBy(Value pattern);

    /** A single resource whose ARN is known: a pattern matches it or not, unknown when the pattern is. */
    static RequestedResources exactly(String arn) {
        return pattern -> {
            String text = Values.scalarText(pattern);
            return text == null ? Trilean.UNKNOWN : Trilean.of(Wildcard.resourceMatches(text, arn));
        };
    }
}

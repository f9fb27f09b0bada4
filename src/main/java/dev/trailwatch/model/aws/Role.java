package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;
import java.util.List;

/**
 * An IAM role: its name when given, its trust policy, the policies written inside it, and the
 * managed policy ARNs listed on it.
 */
public record Role(Resource resource, Attribute name, Attribute trustPolicy, List<Attribute> inlinePolicies,
        Attribute managedPolicyArns, ReferenceForms references) {}

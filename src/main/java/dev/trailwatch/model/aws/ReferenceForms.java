package dev.trailwatch.model.aws;

import java.util.Set;

/**
 * What a reference to a resource gives, as its format defines it: which attributes are its ARN
 * (and whether that ARN already ends in {@code :*}, as CloudFormation's log group
 * {@code !GetAtt LG.Arn} does and Terraform's {@code .arn} does not), and which are its name
 * ({@code refIsName}: a plain {@code !Ref}).
 */
public record ReferenceForms(Set<String> arnAttributes, boolean arnEndsWithWildcard, Set<String> nameAttributes,
        boolean refIsName) {
    public boolean isArn(String attribute) {
        return attribute != null && arnAttributes.contains(attribute);
    }

    public boolean isName(String attribute) {
        return attribute == null ? refIsName : nameAttributes.contains(attribute);
    }
}

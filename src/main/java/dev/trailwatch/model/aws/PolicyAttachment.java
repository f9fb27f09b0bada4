package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.Value;
import java.util.List;

/**
 * A resource that gives roles a policy: with the document itself (CloudFormation
 * AWS::IAM::Policy, RolePolicy, ManagedPolicy; Terraform aws_iam_role_policy) or by a policy's
 * ARN (aws_iam_role_policy_attachment, aws_iam_policy_attachment). {@code roles} are the values
 * that name the roles.
 */
public record PolicyAttachment(Resource resource, Attribute document, Attribute policyArn, List<Value> roles) {}

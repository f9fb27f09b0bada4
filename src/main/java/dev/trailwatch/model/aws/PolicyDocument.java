package dev.trailwatch.model.aws;

import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * An IAM policy document read from a value: a structure (CloudFormation, Terraform's
 * aws_iam_policy_document, or JSON text that a loader read into one: jsonencode, a literal, a
 * heredoc with interpolated references). Each statement keeps its actions and resources as values, so that a
 * reference such as {@code aws_cloudwatch_log_group.x.arn} inside a resource stays symbolic.
 */
public record PolicyDocument(List<Statement> statements) {
    /**
     * One statement; a list is null when the statement does not have that element.
     * {@code conditional}: it has a Condition, so it may not apply to CloudTrail's requests.
     */
    public record Statement(boolean allow, List<Value> actions, List<Value> notActions, List<Value> resources,
            List<Value> notResources, Value principal, boolean conditional) {}

    /**
     * The document a value holds, or null when it cannot be read statically. JSON text is read
     * into a structure by the loaders ({@code document.EmbeddedJson}).
     */
    public static PolicyDocument of(Value value) {
        if (!(Values.unwrap(value) instanceof Value.MapValue map)) {
            return null;
        }
        Value statement = map.get("Statement");
        if (statement == null) {
            return null;
        }
        List<Statement> statements = new ArrayList<>();
        Value s = Values.unwrap(statement);
        List<Value> items = s instanceof Value.ListValue l ? l.items() : List.of(s);
        for (Value item : items) {
            if (!(Values.unwrap(item) instanceof Value.MapValue m)) {
                return null;
            }
            String effect = Values.scalarText(m.get("Effect"));
            if (effect == null) {
                return null;
            }
            statements.add(new Statement(effect.equalsIgnoreCase("Allow"), list(m.get("Action")), list(m.get("NotAction")),
                    list(m.get("Resource")), list(m.get("NotResource")), m.get("Principal"), m.get("Condition") != null));
        }
        return new PolicyDocument(List.copyOf(statements));
    }

    private static List<Value> list(Value value) {
        if (value == null) {
            return null;
        }
        Value v = Values.unwrap(value);
        return v instanceof Value.ListValue l ? l.items() : List.of(value);
    }
}

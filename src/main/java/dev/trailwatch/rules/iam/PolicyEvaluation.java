package dev.trailwatch.rules.iam;

import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.PolicyDocument;
import dev.trailwatch.model.aws.PolicyDocument.Statement;
import java.util.List;
import java.util.Locale;

/**
 * IAM's evaluation of policy documents as far as it can be done before deployment: a request is
 * allowed when some Allow statement applies to it and no Deny statement does (an explicit Deny
 * overrides any Allow; nothing allowed is denied). Each answer is three-valued: what cannot be
 * read (a value known only at deployment, a Condition, which may or may not hold for the request)
 * makes it UNKNOWN, never TRUE or FALSE, so that a rule reports only what is certain.
 */
public final class PolicyEvaluation {
    private static final String ASSUME_ROLE = "sts:AssumeRole";

    private PolicyEvaluation() {}

    /** Whether the documents together allow {@code action} on every requested resource. */
    public static Trilean allows(List<PolicyDocument> documents, String action, RequestedResources resources) {
        Trilean allowed = Trilean.FALSE;
        Trilean denied = Trilean.FALSE;
        for (PolicyDocument document : documents) {
            for (Statement s : document.statements()) {
                Trilean applies = action(s, action).and(resource(s, resources)).and(condition(s));
                if (s.allow()) {
                    allowed = allowed.or(applies);
                } else {
                    denied = denied.or(applies);
                }
            }
        }
        return allowed.and(denied.not());
    }

    /** Whether some Allow statement of the documents may grant {@code action}, on whatever resource. */
    public static boolean mayAllow(List<PolicyDocument> documents, String action) {
        for (PolicyDocument document : documents) {
            for (Statement s : document.statements()) {
                if (s.allow() && !action(s, action).isFalse()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a role's trust policy lets {@code service} (cloudtrail.amazonaws.com) call sts:AssumeRole. */
    public static Trilean trusts(PolicyDocument trustPolicy, String service) {
        Trilean allowed = Trilean.FALSE;
        Trilean denied = Trilean.FALSE;
        for (Statement s : trustPolicy.statements()) {
            Trilean applies = action(s, ASSUME_ROLE).and(principal(s.principal(), service)).and(condition(s));
            if (s.allow()) {
                allowed = allowed.or(applies);
            } else {
                denied = denied.or(applies);
            }
        }
        return allowed.and(denied.not());
    }

    /** Whether a statement's Action (or NotAction) names the action, wildcards included. */
    static Trilean action(Statement s, String action) {
        if (s.actions() != null) {
            return anyItem(s.actions(), item -> matches(item, action));
        }
        if (s.notActions() != null) {
            return anyItem(s.notActions(), item -> matches(item, action)).not();
        }
        return Trilean.FALSE;
    }

    /** Whether a statement's Resource (or NotResource) covers every requested resource. */
    static Trilean resource(Statement s, RequestedResources resources) {
        if (s.resources() != null) {
            return anyItem(s.resources(), resources::matchedBy);
        }
        if (s.notResources() != null) {
            // It applies to what no NotResource pattern matches: certainly when none matches any.
            return anyItem(s.notResources(), resources::matchedBy).not();
        }
        return Trilean.FALSE;
    }

    /** Whether a trust statement's Principal is the service, or anyone. */
    static Trilean principal(Value principal, String service) {
        if (principal == null) {
            return Trilean.FALSE;
        }
        Value p = Values.unwrap(principal);
        if (p instanceof Value.Text t) {
            return Trilean.of(t.text().equals("*"));
        }
        if (!(p instanceof Value.MapValue map)) {
            return Trilean.UNKNOWN;
        }
        Trilean result = Trilean.FALSE;
        for (Value.Entry entry : map.entries().values()) {
            boolean serviceKey = entry.key().equals("Service");
            result = result.or(anyItem(List.of(entry.value()), id -> {
                String text = Values.scalarText(id);
                return text == null ? Trilean.UNKNOWN : Trilean.of(text.equals("*")
                        || serviceKey && text.toLowerCase(Locale.ROOT).equals(service.toLowerCase(Locale.ROOT)));
            }));
        }
        return result;
    }

    /** A Condition may or may not hold for the request: it is not evaluated. */
    private static Trilean condition(Statement s) {
        return s.conditional() ? Trilean.UNKNOWN : Trilean.TRUE;
    }

    private static Trilean matches(Value pattern, String action) {
        String text = Values.scalarText(pattern);
        return text == null ? Trilean.UNKNOWN : Trilean.of(Wildcard.actionMatches(text, action));
    }

    /** TRUE when some item (lists flattened) is, FALSE when every item is FALSE. */
    private static Trilean anyItem(List<Value> values, java.util.function.Function<Value, Trilean> test) {
        Trilean result = Trilean.FALSE;
        for (Value value : values) {
            for (Value item : Values.items(value)) {
                result = result.or(test.apply(item));
                if (result.isTrue()) {
                    return result;
                }
            }
        }
        return result;
    }
}

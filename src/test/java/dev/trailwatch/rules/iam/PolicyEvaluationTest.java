package dev.trailwatch.rules.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.document.EmbeddedJson;
import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.aws.PolicyDocument;
import dev.trailwatch.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policies and the decision IAM makes on one request: logs:PutLogEvents on one stream. In the
 * JSON, {@code ?} between backquotes stands for a value known only at deployment.
 */
class PolicyEvaluationTest {
    private static final Range AT = Range.of(1, 1, 1, 1);
    private static final String ACTION = "logs:PutLogEvents";
    private static final String STREAM =
            "arn:aws:logs:us-east-1:111122223333:log-group:trail:log-stream:111122223333_CloudTrail_us-east-1";
    private static final String STREAMS = "arn:aws:logs:us-east-1:111122223333:log-group:trail:log-stream:*";

    static Stream<Arguments> permissions() {
        return Stream.of(
                row("an Allow of the action on the stream's pattern", Trilean.TRUE,
                        allow("\"logs:PutLogEvents\"", "\"" + STREAMS + "\"")),
                row("action names compare without regard to case", Trilean.TRUE,
                        allow("\"LOGS:putlogevents\"", "\"" + STREAMS + "\"")),
                row("a wildcard action logs:Put*", Trilean.TRUE, allow("\"logs:Put*\"", "\"*\"")),
                row("a wildcard action logs:*", Trilean.TRUE, allow("\"logs:*\"", "\"" + STREAMS + "\"")),
                row("a ? stands for one character", Trilean.TRUE, allow("\"logs:PutLogEvent?\"", "\"*\"")),
                row("a ? does not stand for none", Trilean.FALSE, allow("\"logs:PutLogEvents?\"", "\"*\"")),
                row("another action", Trilean.FALSE, allow("\"logs:CreateLogStream\"", "\"*\"")),
                row("a list of actions, one of them it", Trilean.TRUE,
                        allow("[\"s3:GetObject\", \"logs:Put*\"]", "\"*\"")),
                row("NotAction naming another action allows this one", Trilean.TRUE,
                        statement("Allow", "\"NotAction\": \"s3:*\", \"Resource\": \"*\"")),
                row("NotAction naming this one by wildcard", Trilean.FALSE,
                        statement("Allow", "\"NotAction\": [\"s3:*\", \"logs:Put*\"], \"Resource\": \"*\"")),
                row("a statement with neither Action nor NotAction", Trilean.FALSE,
                        statement("Allow", "\"Resource\": \"*\"")),
                row("resources are case-sensitive", Trilean.FALSE,
                        allow("\"logs:*\"", "\"" + STREAMS.toUpperCase(java.util.Locale.ROOT) + "\"")),
                row("a resource pattern for another log group", Trilean.FALSE,
                        allow("\"logs:*\"", "\"arn:aws:logs:us-east-1:111122223333:log-group:other:*\"")),
                row("one of several resources matches", Trilean.TRUE,
                        allow("\"logs:*\"", "[\"arn:aws:s3:::bucket/*\", \"" + STREAMS + "\"]")),
                row("a resource pattern with ? per character", Trilean.TRUE, allow("\"logs:*\"",
                        "\"arn:aws:logs:us-east-?:111122223333:log-group:trail:log-stream:*\"")),
                row("a statement with neither Resource nor NotResource", Trilean.FALSE,
                        statement("Allow", "\"Action\": \"logs:*\"")),
                row("NotResource naming other resources allows these", Trilean.TRUE,
                        statement("Allow", "\"Action\": \"logs:*\", \"NotResource\": \"arn:aws:s3:::*\"")),
                row("NotResource naming these resources", Trilean.FALSE,
                        statement("Allow", "\"Action\": \"logs:*\", \"NotResource\": \"arn:aws:logs:*\"")),
                row("no statement at all", Trilean.FALSE, document()),
                row("an explicit Deny overrides an Allow", Trilean.FALSE,
                        allow("\"logs:*\"", "\"*\""), deny("\"logs:PutLogEvents\"", "\"*\"")),
                row("a Deny before the Allow overrides it too", Trilean.FALSE,
                        deny("\"logs:Put*\"", "\"" + STREAMS + "\""), allow("\"*\"", "\"*\"")),
                row("a Deny in another document of the role overrides it too", Trilean.FALSE,
                        document(allow("\"logs:*\"", "\"*\"")), document(deny("\"*\"", "\"*\""))),
                row("a Deny of another action", Trilean.TRUE,
                        allow("\"logs:*\"", "\"*\""), deny("\"logs:CreateLogGroup\"", "\"*\"")),
                row("a Deny on other resources", Trilean.TRUE,
                        allow("\"logs:*\"", "\"*\""), deny("\"logs:*\"", "\"arn:aws:s3:::*\"")),
                row("a Deny of all but S3 (NotResource) covers the streams", Trilean.FALSE,
                        allow("\"logs:*\"", "\"*\""),
                        statement("Deny", "\"Action\": \"*\", \"NotResource\": \"arn:aws:s3:::*\"")),
                row("a Deny of everything but this action (NotAction)", Trilean.TRUE,
                        allow("\"logs:*\"", "\"*\""),
                        statement("Deny", "\"NotAction\": \"logs:PutLogEvents\", \"Resource\": \"*\"")),
                row("a Deny alone allows nothing", Trilean.FALSE, deny("\"s3:*\"", "\"*\"")),
                row("an Allow with a Condition may not hold for the request", Trilean.UNKNOWN,
                        statement("Allow", "\"Action\": \"logs:*\", \"Resource\": \"*\","
                                + " \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}")),
                row("a Deny with a Condition may or may not hold", Trilean.UNKNOWN,
                        allow("\"logs:*\"", "\"*\""),
                        statement("Deny", "\"Action\": \"*\", \"Resource\": \"*\","
                                + " \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}")),
                row("an action known only at deployment", Trilean.UNKNOWN, allow("`?`", "\"*\"")),
                row("an unknown action on resources that are certainly not the stream", Trilean.FALSE,
                        allow("`?`", "\"arn:aws:s3:::bucket\"")),
                row("an unknown action beside a matching one", Trilean.TRUE,
                        allow("[`?`, \"logs:PutLogEvents\"]", "\"*\"")),
                row("an unknown NotAction", Trilean.UNKNOWN,
                        statement("Allow", "\"NotAction\": `?`, \"Resource\": \"*\"")),
                row("an unknown resource", Trilean.UNKNOWN, allow("\"logs:*\"", "`?`")),
                row("an unknown resource beside the stream's pattern", Trilean.TRUE,
                        allow("\"logs:*\"", "[`?`, \"" + STREAMS + "\"]")),
                row("a Deny of an unknown action leaves it open", Trilean.UNKNOWN,
                        allow("\"logs:*\"", "\"*\""), deny("`?`", "\"*\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permissions")
    void decidesWhetherPoliciesAllowTheAction(String description, Trilean expected, List<PolicyDocument> documents) {
        assertEquals(expected, PolicyEvaluation.allows(documents, ACTION, RequestedResources.exactly(STREAM)));
    }

    static Stream<Arguments> trustPolicies() {
        String service = "{\"Service\": \"cloudtrail.amazonaws.com\"}";
        return Stream.of(
                Arguments.of("the service may assume the role", Trilean.TRUE, trust("Allow", service, "\"sts:AssumeRole\"")),
                Arguments.of("services compare without regard to case", Trilean.TRUE,
                        trust("Allow", "{\"Service\": [\"ec2.amazonaws.com\", \"CloudTrail.amazonaws.com\"]}",
                                "\"sts:*\"")),
                Arguments.of("anyone may assume it", Trilean.TRUE, trust("Allow", "\"*\"", "\"sts:AssumeRole\"")),
                Arguments.of("any AWS principal", Trilean.TRUE, trust("Allow", "{\"AWS\": \"*\"}", "\"sts:AssumeRole\"")),
                Arguments.of("another service", Trilean.FALSE,
                        trust("Allow", "{\"Service\": \"ec2.amazonaws.com\"}", "\"sts:AssumeRole\"")),
                Arguments.of("the service named as an account", Trilean.FALSE,
                        trust("Allow", "{\"AWS\": \"cloudtrail.amazonaws.com\"}", "\"sts:AssumeRole\"")),
                Arguments.of("another action", Trilean.FALSE, trust("Allow", service, "\"sts:TagSession\"")),
                Arguments.of("a principal known only at deployment", Trilean.UNKNOWN,
                        trust("Allow", "{\"Service\": `?`}", "\"sts:AssumeRole\"")),
                Arguments.of("a Deny of the service overrides the Allow", Trilean.FALSE, document(
                        trustStatement("Allow", service, "\"sts:AssumeRole\""),
                        trustStatement("Deny", "\"*\"", "\"sts:*\""))),
                Arguments.of("an unreadable statement before a Deny does not hide it", Trilean.FALSE, document(
                        trustStatement("Allow", "{\"Service\": `?`}", "\"sts:AssumeRole\""),
                        trustStatement("Deny", service, "\"sts:AssumeRole\""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trustPolicies")
    void decidesWhetherATrustPolicyLetsTheServiceAssumeTheRole(String description, Trilean expected,
            PolicyDocument trust) {
        assertEquals(expected, PolicyEvaluation.trusts(trust, "cloudtrail.amazonaws.com"));
    }

    @Test
    void anAllowMayGrantAnActionOnWhateverResourceItNames() {
        assertTrue(PolicyEvaluation.mayAllow(List.of(document(allow("\"logs:Put*\"", "\"arn:aws:s3:::x\""))), ACTION));
        assertTrue(PolicyEvaluation.mayAllow(List.of(document(allow("`?`", "\"*\""))), ACTION));
        assertFalse(PolicyEvaluation.mayAllow(List.of(document(allow("\"s3:*\"", "\"*\""))), ACTION));
        assertFalse(PolicyEvaluation.mayAllow(List.of(document(deny("\"logs:*\"", "\"*\""))), ACTION), "a Deny grants nothing");
    }

    @Test
    void wildcardsMatchActionsWithoutCaseAndResourcesExactly() {
        assertTrue(Wildcard.actionMatches("Logs:Put*", "logs:PutLogEvents"));
        assertTrue(Wildcard.actionMatches("*", "logs:PutLogEvents"));
        assertFalse(Wildcard.actionMatches("logs:Put", "logs:PutLogEvents"), "no wildcard, no prefix match");
        assertTrue(Wildcard.resourceMatches("arn:aws:logs:*:*:log-group:a:*", "arn:aws:logs:x:1:log-group:a:b"));
        assertFalse(Wildcard.resourceMatches("arn:aws:logs:*:*:log-group:A:*", "arn:aws:logs:x:1:log-group:a:b"));
        assertTrue(Wildcard.resourceMatches("a.b", "a.b"));
        assertFalse(Wildcard.resourceMatches("a.b", "axb"), "a dot is a dot, not any character");
    }

    // ---- policies written as JSON ----

    private static Arguments row(String description, Trilean expected, Object... statementsOrDocuments) {
        List<PolicyDocument> documents = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (Object o : statementsOrDocuments) {
            if (o instanceof PolicyDocument d) {
                documents.add(d);
            } else {
                statements.add((String) o);
            }
        }
        if (!statements.isEmpty()) {
            documents.add(document(statements.toArray(String[]::new)));
        }
        return Arguments.of(description, expected, documents);
    }

    private static String allow(String action, String resource) {
        return statement("Allow", "\"Action\": " + action + ", \"Resource\": " + resource);
    }

    private static String deny(String action, String resource) {
        return statement("Deny", "\"Action\": " + action + ", \"Resource\": " + resource);
    }

    private static String statement(String effect, String elements) {
        return "{\"Effect\": \"" + effect + "\", " + elements + "}";
    }

    private static PolicyDocument trust(String effect, String principal, String action) {
        return document(trustStatement(effect, principal, action));
    }

    private static String trustStatement(String effect, String principal, String action) {
        return statement(effect, "\"Principal\": " + principal + ", \"Action\": " + action);
    }

    /** A policy document from its statements; each {@code `?`} a value known only at deployment. */
    private static PolicyDocument document(String... statements) {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
        List<Value> parts = new ArrayList<>();
        String[] pieces = json.split("`\\?`", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                // Stands where a JSON string would, as an interpolation in a heredoc does.
                parts.add(new Value.Text("\"", AT));
                parts.add(new Value.Unknown("a variable", AT));
                parts.add(new Value.Text("\"", AT));
            }
            parts.add(new Value.Text(pieces[i], AT));
        }
        // Read as a front end reads JSON written in a string (a literal, jsonencode, a heredoc).
        PolicyDocument document = PolicyDocument.of(EmbeddedJson.structured(
                parts.size() == 1 ? parts.get(0) : new Value.Concatenation(parts, AT)));
        assertNotNull(document, json);
        return document;
    }
}

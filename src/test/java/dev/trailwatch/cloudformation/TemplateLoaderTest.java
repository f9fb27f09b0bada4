package dev.trailwatch.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.TextShape;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Intrinsic functions are evaluated as far as the template allows, into the format-neutral model. */
class TemplateLoaderTest {
    private static final String HEADER = "AWSTemplateFormatVersion: '2010-09-09'\n"
            + "Parameters:\n  Name: {Type: String, Default: audit}\n  NoDefault: {Type: String}\n"
            + "  FromSsm: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /audit/log-group-arn}\n"
            + "Mappings:\n  Env: {prod: {Account: '123456789012'}}\n"
            + "Conditions:\n  Known: !Equals [!Ref Name, audit]\n  Open: !Equals [!Ref NoDefault, x]\n"
            + "Resources:\n  Group: {Type: 'AWS::Logs::LogGroup'}\n  Lookup: {Type: 'Custom::Lookup'}\n"
            + "  Nested: {Type: 'AWS::CloudFormation::Stack'}\n  App: {Type: 'AWS::Serverless::Application'}\n  T:\n    Type: AWS::CloudTrail::Trail\n"
            + "    Properties:\n";

    private static Trail trail(String properties) throws InputException {
        String text = HEADER + properties;
        Value root = CloudFormationYaml.parse(text);
        assertTrue(TemplateLoader.isTemplate(root));
        ResourceModel model = TemplateLoader.load(new SourceFile(Path.of("t.yaml"), "t.yaml", text),
                (Value.MapValue) root, ParameterValues.none());
        return model.trails().get(0);
    }

    private static Value logGroup(String expression) throws InputException {
        return trail("      CloudWatchLogsLogGroupArn: " + expression + "\n").logGroupArn().value();
    }

    @Test
    void subJoinSelectAndFindInMapGiveKnownText() throws InputException {
        assertEquals("arn:aws:logs:eu:1:log-group:audit:*",
                ((Value.Text) logGroup("!Sub 'arn:aws:logs:eu:1:log-group:${Name}:*'")).text());
        assertEquals("a-audit", ((Value.Text) logGroup("!Join ['-', [a, !Ref Name]]")).text());
        assertEquals("b", ((Value.Text) logGroup("!Select [1, [a, b]]")).text());
        assertEquals("123456789012", ((Value.Text) logGroup("!FindInMap [Env, prod, Account]")).text());
        assertEquals("${literal}", ((Value.Text) logGroup("!Sub '${!literal}'")).text());
        assertEquals("x-audit", ((Value.Text) logGroup("!Sub ['${A}-${Name}', {A: x}]")).text());
    }

    @Test
    void referencesStaySymbolic() throws InputException {
        Value.Reference getAtt = assertInstanceOf(Value.Reference.class, logGroup("!GetAtt Group.Arn"));
        assertEquals("Group", getAtt.target());
        assertEquals("Arn", getAtt.attribute());
        Value.Reference ref = assertInstanceOf(Value.Reference.class, logGroup("!Ref Group"));
        assertEquals(null, ref.attribute());
        Value.Concatenation sub = assertInstanceOf(Value.Concatenation.class,
                logGroup("!Sub 'arn:${AWS::Partition}:logs:${AWS::Region}:1:log-group:${Group}:*'"));
        Value.Unknown partition = assertInstanceOf(Value.Unknown.class, sub.parts().get(1));
        assertEquals(TextShape.PARTITION, partition.shape());
        assertEquals("AWS::Partition is known only when the stack is deployed", partition.reason());
        assertEquals(TextShape.REGION, assertInstanceOf(Value.Unknown.class, sub.parts().get(3)).shape());
        assertInstanceOf(Value.Reference.class, sub.parts().get(5));
    }

    @Test
    void valuesThatExistOnlyAtDeploymentAreUnknown() throws InputException {
        assertEquals("parameter FromSsm holds the value of an SSM parameter, read when the stack is deployed",
                assertInstanceOf(Value.Unknown.class, logGroup("!Ref FromSsm")).reason());
        assertEquals("Lookup.Arn of Custom::Lookup is known only once it is deployed",
                assertInstanceOf(Value.Unknown.class, logGroup("!GetAtt Lookup.Arn")).reason());
        assertEquals("Nested.Outputs.GroupArn of AWS::CloudFormation::Stack is known only once it is deployed",
                assertInstanceOf(Value.Unknown.class, logGroup("!GetAtt Nested.Outputs.GroupArn")).reason());
        assertEquals("App.Outputs.Arn of AWS::Serverless::Application is known only once it is deployed",
                assertInstanceOf(Value.Unknown.class, assertInstanceOf(Value.Concatenation.class,
                        logGroup("!Sub '${App.Outputs.Arn}:*'")).parts().get(0)).reason());
        Value.Concatenation dynamic = assertInstanceOf(Value.Concatenation.class,
                logGroup("'{{resolve:ssm:/audit/group}}:*'"));
        assertEquals("dynamic reference {{resolve:ssm:/audit/group}} is resolved when the stack is deployed",
                assertInstanceOf(Value.Unknown.class, dynamic.parts().get(0)).reason());
        assertEquals(":*", assertInstanceOf(Value.Text.class, dynamic.parts().get(1)).text());
    }

    @Test
    void whatCannotBeKnownIsUnknownWithAReason() throws InputException {
        Value imported = logGroup("!ImportValue shared-log-group");
        assertEquals("Fn::ImportValue is resolved from another stack at deploy time",
                assertInstanceOf(Value.Unknown.class, imported).reason());
        Value parameter = logGroup("!Ref NoDefault");
        assertEquals("parameter NoDefault has no Default and no --parameter value",
                assertInstanceOf(Value.Unknown.class, parameter).reason());
    }

    @Test
    void conditionsSelectBranchesOrStayOpen() throws InputException {
        // Decided by a parameter's default: the branch says so, for the finding's message and related location.
        Value.Substituted known = assertInstanceOf(Value.Substituted.class, logGroup("!If [Known, 'yes', 'no']"));
        assertEquals("yes", ((Value.Text) known.value()).text());
        assertEquals("condition Known, true because of the Default of parameter Name", known.originDescription());
        assertEquals(3, known.origin().line());
        Value.Conditional open = assertInstanceOf(Value.Conditional.class, logGroup("!If [Open, 'yes', !Ref AWS::NoValue]"));
        assertEquals("Open", open.condition());
        assertInstanceOf(Value.Absent.class, open.whenFalse());
    }

    /**
     * Fn::And, Fn::Or and Fn::Not over a true, a false and an undecided condition: false decides
     * an And, true an Or, and anything else with an undecided operand stays undecided. A resource
     * whose condition is false from literals does not exist; an undecided one does.
     */
    @Test
    void conditionsCombineThreeValues() throws InputException {
        List<String> conditions = List.of("AndFalseOpen", "AndTrueOpen", "OrTrueOpen", "OrFalseOpen", "NotOpen",
                "NotFalse", "AndTrueTrue", "OrFalseFalse");
        StringBuilder text = new StringBuilder("Parameters:\n  NoDefault: {Type: String}\nConditions:\n"
                + "  True: !Equals [a, a]\n  False: !Equals [a, b]\n  Open: !Equals [!Ref NoDefault, x]\n"
                + "  AndFalseOpen: !And [!Condition False, !Condition Open]\n"
                + "  AndTrueOpen: !And [!Condition True, !Condition Open]\n"
                + "  OrTrueOpen: !Or [!Condition Open, !Condition True]\n"
                + "  OrFalseOpen: !Or [!Condition False, !Condition Open]\n"
                + "  NotOpen: !Not [!Condition Open]\n  NotFalse: !Not [!Condition False]\n"
                + "  AndTrueTrue: !And [!Condition True, !Condition True]\n"
                + "  OrFalseFalse: !Or [!Condition False, !Condition False]\nResources:\n");
        for (String condition : conditions) {
            text.append("  ").append(condition).append("Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n")
                    .append("      CloudWatchLogsLogGroupArn: !If [").append(condition).append(", 'yes', 'no']\n");
            text.append("  ").append(condition).append("Group:\n    Type: AWS::Logs::LogGroup\n    Condition: ")
                    .append(condition).append("\n");
        }
        ResourceModel model = TemplateLoader.load(new SourceFile(Path.of("t.yaml"), "t.yaml", text.toString()),
                (Value.MapValue) CloudFormationYaml.parse(text.toString()), ParameterValues.none());
        Map<String, String> branches = new LinkedHashMap<>();
        for (Trail t : model.trails()) {
            Value arn = t.logGroupArn().value();
            branches.put(t.resource().name(), arn instanceof Value.Conditional c ? "undecided " + c.condition()
                    : ((Value.Text) arn).text());
        }
        assertEquals(Map.of("AndFalseOpenTrail", "no", "AndTrueOpenTrail", "undecided AndTrueOpen",
                "OrTrueOpenTrail", "yes", "OrFalseOpenTrail", "undecided OrFalseOpen", "NotOpenTrail",
                "undecided NotOpen", "NotFalseTrail", "yes", "AndTrueTrueTrail", "yes", "OrFalseFalseTrail", "no"),
                branches);
        assertEquals(List.of("AndTrueOpenGroup", "OrTrueOpenGroup", "OrFalseOpenGroup", "NotOpenGroup",
                "NotFalseGroup", "AndTrueTrueGroup"), model.logGroups().stream().map(g -> g.resource().name()).toList());
    }

    @Test
    void noValueInAListRemovesTheItem() throws InputException {
        Trail t = trail("      Tags: [!Ref AWS::NoValue, {Key: a, Value: b}]\n");
        Value.ListValue tags = assertInstanceOf(Value.ListValue.class, t.resource().properties().get("Tags"));
        assertEquals(1, tags.items().size());
    }

    @Test
    void recognisesTemplatesByContent() throws InputException {
        assertTrue(TemplateLoader.isTemplate(CloudFormationYaml.parse("Resources:\n  X: {Type: Custom::Thing}\n")));
        assertFalse(TemplateLoader.isTemplate(CloudFormationYaml.parse("Resources:\n  X: {Type: Thing}\n")));
        assertFalse(TemplateLoader.isTemplate(CloudFormationYaml.parse("apiVersion: v1\nkind: Pod\n")));
        assertFalse(TemplateLoader.isTemplate(CloudFormationYaml.parse("[1, 2]")));
    }
}

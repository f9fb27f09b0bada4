package dev.trailwatch.cloudformation;

import dev.trailwatch.model.TextShape;
import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.Location;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates CloudFormation's intrinsic functions as far as the template and the given parameter
 * values allow. Each value is resolved on its own (a condition is evaluated once and memoised),
 * never by enumerating combinations of conditions, so the cost stays linear in the template.
 */
final class Intrinsics {
    /** What each pseudo parameter can look like, and what it is (for --strict). */
    private static final Map<String, TextShape> PSEUDO_PARAMETERS = Map.of("AWS::AccountId", TextShape.ACCOUNT_ID,
            "AWS::NotificationARNs", TextShape.ANY, "AWS::Partition", TextShape.PARTITION,
            "AWS::Region", TextShape.REGION, "AWS::StackId", TextShape.ANY, "AWS::StackName", TextShape.STACK_NAME,
            "AWS::URLSuffix", TextShape.URL_SUFFIX);
    /**
     * Resources whose attributes exist only once deployed and may hold anything: a nested stack's
     * outputs, a custom resource's data, a serverless application's outputs.
     */
    private static final Set<String> DEPLOY_TIME_TYPES = Set.of("AWS::CloudFormation::Stack",
            "AWS::CloudFormation::CustomResource", "AWS::Serverless::Application");
    private static final String SSM_PARAMETER_TYPE = "AWS::SSM::Parameter::Value<";
    private static final java.util.regex.Pattern DYNAMIC_REFERENCE =
            java.util.regex.Pattern.compile("\\{\\{resolve:[^}]*}}");

    private final SourceFile file;
    private final Map<String, Value.Entry> parameters;
    private final Map<String, Value.Entry> conditions;
    private final Value.MapValue mappings;
    private final ParameterValues given;
    /** Each declared resource's type, by logical id. */
    private final Map<String, String> resourceTypes;
    /** Where the parameter values a memoised condition was decided from are set. */
    private final Map<String, Value.Substituted> conditionOrigins = new HashMap<>();
    /** The first parameter value read while deciding the condition being evaluated. */
    private Value.Substituted decidedBy;
    /** Memoised condition values, with parameters known and with literals only. */
    private final Map<String, Trilean> conditionValues = new HashMap<>();
    private final Map<String, Trilean> literalConditionValues = new HashMap<>();
    private final Set<String> evaluating = new java.util.HashSet<>();
    /** Conditions taken as decided on the current branch of an undecided Fn::If (not memoised). */
    private Map<String, Trilean> assumed = Map.of();

    Intrinsics(SourceFile file, Value.MapValue parameters, Value.MapValue conditions, Value.MapValue mappings,
            ParameterValues given, Map<String, String> resourceTypes) {
        this.file = file;
        this.resourceTypes = resourceTypes;
        this.parameters = parameters == null ? Map.of() : parameters.entries();
        this.conditions = conditions == null ? Map.of() : conditions.entries();
        this.mappings = mappings;
        this.given = given;
    }

    /** The value with every intrinsic function replaced by what it statically gives. */
    Value resolve(Value raw) {
        return resolve(raw, true);
    }

    /**
     * The same, for a resource that exists only when {@code condition} holds: inside it that
     * condition is true, so no branch that needs it false is ever deployed.
     */
    Value resolveAssuming(Value raw, String condition) {
        return branch(raw, condition, true, true);
    }

    /**
     * A condition's value: TRUE, FALSE, or UNKNOWN when it cannot be decided. With
     * {@code literalsOnly}, parameters count as unknown even when they have a value (used to
     * decide whether a resource exists: some environment may pass another value).
     */
    Trilean condition(String name, boolean literalsOnly) {
        if (assumed.containsKey(name)) {
            return assumed.get(name);
        }
        Map<String, Trilean> memo = assumed.isEmpty() ? (literalsOnly ? literalConditionValues : conditionValues)
                : new HashMap<>();
        if (memo.containsKey(name)) {
            if (decidedBy == null && !literalsOnly && conditionOrigins.containsKey(name)) {
                decidedBy = conditionOrigins.get(name);
            }
            return memo.get(name);
        }
        Value.Entry definition = conditions.get(name);
        String key = (literalsOnly ? "L:" : "P:") + name;
        if (definition == null || !evaluating.add(key)) {
            return Trilean.UNKNOWN; // undefined or circular: CloudFormation rejects the template; we just cannot tell
        }
        Value.Substituted outer = decidedBy;
        decidedBy = null;
        Trilean result = evaluateCondition(definition.value(), literalsOnly);
        if (decidedBy != null && !literalsOnly) {
            conditionOrigins.put(name, decidedBy);
        }
        decidedBy = outer != null ? outer : decidedBy;
        evaluating.remove(key);
        memo.put(name, result);
        return result;
    }

    private Trilean evaluateCondition(Value raw, boolean literalsOnly) {
        if (!(raw instanceof Value.MapValue map) || map.entries().size() != 1) {
            return Trilean.UNKNOWN;
        }
        Value.Entry fn = map.entries().values().iterator().next();
        Value arg = fn.value();
        switch (fn.key()) {
            case "Condition": {
                String name = Values.scalarText(arg);
                return name == null ? Trilean.UNKNOWN : condition(name, literalsOnly);
            }
            case "Fn::Not":
                return evaluateCondition(single(arg), literalsOnly).not();
            case "Fn::And":
            case "Fn::Or": {
                if (!(arg instanceof Value.ListValue list)) {
                    return Trilean.UNKNOWN;
                }
                boolean isAnd = fn.key().equals("Fn::And");
                Trilean result = Trilean.of(isAnd);
                for (Value item : list.items()) {
                    Trilean b = evaluateCondition(item, literalsOnly);
                    result = isAnd ? result.and(b) : result.or(b);
                    if (result.isKnown() && result.isTrue() != isAnd) {
                        return result; // a false in And, a true in Or decides
                    }
                }
                return result;
            }
            case "Fn::Equals": {
                if (!(arg instanceof Value.ListValue list) || list.items().size() != 2) {
                    return Trilean.UNKNOWN;
                }
                Value leftValue = resolve(list.items().get(0), !literalsOnly);
                Value rightValue = resolve(list.items().get(1), !literalsOnly);
                for (Value side : List.of(leftValue, rightValue)) {
                    if (decidedBy == null && side instanceof Value.Substituted given && given.originDescription() != null) {
                        decidedBy = given;
                    }
                }
                String left = Values.scalarText(leftValue);
                String right = Values.scalarText(rightValue);
                return left == null || right == null ? Trilean.UNKNOWN : Trilean.of(left.equals(right));
            }
            default:
                return Trilean.UNKNOWN;
        }
    }

    private static Value single(Value arg) {
        return arg instanceof Value.ListValue list && list.items().size() == 1 ? list.items().get(0) : arg;
    }

    private Value resolve(Value raw, boolean withParameters) {
        if (raw instanceof Value.MapValue map) {
            if (map.entries().size() == 1) {
                Value.Entry only = map.entries().values().iterator().next();
                if (only.key().equals("Ref") || only.key().startsWith("Fn::") || only.key().startsWith("Rain::")) {
                    return function(only.key(), only.value(), map.range(), withParameters);
                }
            }
            Map<String, Value.Entry> resolved = null;
            for (Value.Entry entry : map.entries().values()) {
                Value v = resolve(entry.value(), withParameters);
                if (v != entry.value() && resolved == null) {
                    resolved = new LinkedHashMap<>(map.entries());
                }
                if (resolved != null) {
                    resolved.put(entry.key(), new Value.Entry(entry.key(), entry.keyRange(), v));
                }
            }
            return resolved == null ? map : new Value.MapValue(resolved, map.range());
        }
        if (raw instanceof Value.ListValue list) {
            List<Value> resolved = null;
            for (int i = 0; i < list.items().size(); i++) {
                Value item = list.items().get(i);
                Value v = resolve(item, withParameters);
                if (v != item && resolved == null) {
                    resolved = new ArrayList<>(list.items().subList(0, i));
                }
                if (resolved != null && !(Values.unwrap(v) instanceof Value.Absent)) {
                    resolved.add(v);
                }
            }
            return resolved == null ? list : new Value.ListValue(resolved, list.range());
        }
        return raw instanceof Value.Text text ? dynamicReferences(text) : raw;
    }

    private Value function(String name, Value arg, Range range, boolean withParameters) {
        switch (name) {
            case "Ref":
                return ref(Values.scalarText(arg), range, withParameters);
            case "Fn::GetAtt":
                return getAtt(arg, range);
            case "Fn::If":
                return fnIf(arg, range, withParameters);
            case "Fn::Sub":
                return sub(arg, range, withParameters);
            case "Fn::Join":
                return join(arg, range, withParameters);
            case "Fn::Select":
                return select(arg, range, withParameters);
            case "Fn::FindInMap":
                return findInMap(arg, range, withParameters);
            case "Rain::Embed":
            case "Rain::Module":
            case "Rain::S3":
            case "Rain::S3Http":
                return new Value.Unknown(name + " is expanded by the Rain tool before deployment", range);
            case "Fn::ImportValue":
                return new Value.Unknown("Fn::ImportValue is resolved from another stack at deploy time", range);
            default:
                return new Value.Unknown(name + " is evaluated at deploy time", range);
        }
    }

    private Value ref(String target, Range range, boolean withParameters) {
        if (target == null) {
            return new Value.Unknown("Ref to a name that is not a string", range);
        }
        if (target.equals("AWS::NoValue")) {
            return new Value.Absent(range);
        }
        if (PSEUDO_PARAMETERS.containsKey(target)) {
            return new Value.Unknown(target + " is known only when the stack is deployed", range,
                    PSEUDO_PARAMETERS.get(target));
        }
        Value.Entry parameter = parameters.get(target);
        if (parameter == null) {
            return reference(target, null, range);
        }
        if (!withParameters) {
            return new Value.Unknown("parameter " + target + " can differ between deployments", range);
        }
        String type = parameter.value() instanceof Value.MapValue p ? Values.scalarText(p.get("Type")) : null;
        if (type != null && type.startsWith(SSM_PARAMETER_TYPE)) {
            // Its default and any --parameter value name the SSM parameter; the value is read at deploy time.
            return new Value.Unknown("parameter " + target + " holds the value of an SSM parameter, read when the"
                    + " stack is deployed", range);
        }
        ParameterValues.Given value = given.get(target);
        if (value != null && value.value() == null) {
            return new Value.Unknown("parameter " + target + " keeps its previous value (UsePreviousValue)", range);
        }
        if (value != null) {
            return new Value.Substituted(new Value.Text(value.value(), range), range, value.origin(),
                    value.description());
        }
        Value.Entry defaultEntry = parameter.value() instanceof Value.MapValue p ? p.entry("Default") : null;
        if (defaultEntry == null) {
            return new Value.Unknown("parameter " + target + " has no Default and no --parameter value", range);
        }
        Location origin = file.locate(defaultEntry.keyRange().union(defaultEntry.value().range()));
        return new Value.Substituted(defaultEntry.value(), range, origin, "the Default of parameter " + target);
    }

    private Value getAtt(Value arg, Range range) {
        String resource = null;
        String attribute = null;
        if (arg instanceof Value.Text text) {
            int dot = text.text().indexOf('.');
            if (dot > 0) {
                resource = text.text().substring(0, dot);
                attribute = text.text().substring(dot + 1);
            }
        } else if (arg instanceof Value.ListValue list && list.items().size() == 2) {
            resource = Values.scalarText(list.items().get(0));
            attribute = Values.scalarText(list.items().get(1));
        }
        if (resource == null || attribute == null) {
            return new Value.Unknown("Fn::GetAtt with an attribute not known statically", range);
        }
        return reference(resource, attribute, range);
    }

    /**
     * A Ref or Fn::GetAtt to a resource: symbolic, except for resources whose values exist only once
     * deployed (custom resources, nested stacks, serverless applications): those are unknown.
     */
    private Value reference(String resource, String attribute, Range range) {
        String type = resourceTypes.get(resource);
        if (type != null && (type.startsWith("Custom::") || DEPLOY_TIME_TYPES.contains(type))) {
            return new Value.Unknown((attribute == null ? "Ref " + resource : resource + "." + attribute) + " of "
                    + type + " is known only once it is deployed", range);
        }
        return new Value.Reference(resource, attribute, range);
    }

    /** Known text with its dynamic references ({@code {{resolve:ssm:…}}}) as parts resolved at deploy time. */
    private static Value dynamicReferences(Value.Text text) {
        java.util.regex.Matcher m = DYNAMIC_REFERENCE.matcher(text.text());
        if (!m.find()) {
            return text;
        }
        List<Value> parts = new ArrayList<>();
        int at = 0;
        do {
            if (m.start() > at) {
                parts.add(new Value.Text(text.text().substring(at, m.start()), text.range()));
            }
            parts.add(new Value.Unknown("dynamic reference " + m.group() + " is resolved when the stack is deployed",
                    text.range()));
            at = m.end();
        } while (m.find());
        if (at < text.text().length()) {
            parts.add(new Value.Text(text.text().substring(at), text.range()));
        }
        return Values.concatenate(parts, text.range());
    }

    private Value fnIf(Value arg, Range range, boolean withParameters) {
        if (!(arg instanceof Value.ListValue list) || list.items().size() != 3
                || Values.scalarText(list.items().get(0)) == null) {
            return new Value.Unknown("malformed Fn::If", range);
        }
        String condition = Values.scalarText(list.items().get(0));
        Trilean known = condition(condition, !withParameters);
        if (known.isKnown()) {
            // The chosen branch stands where the whole Fn::If is written: a finding on it covers the expression.
            Value chosen = Values.at(resolve(list.items().get(known.isTrue() ? 1 : 2), withParameters), range);
            Value.Substituted origin = withParameters ? conditionOrigins.get(condition) : null;
            // A branch chosen by a parameter's value: a finding on it names the condition and the value.
            return origin == null ? chosen : new Value.Substituted(chosen, chosen.range(), origin.origin(),
                    "condition " + condition + ", " + known.isTrue() + " because of " + origin.originDescription());
        }
        // Each branch is resolved knowing which way the condition went, so nested Fn::If on the same
        // (or a dependent) condition never yields a branch that cannot be deployed.
        return new Value.Conditional(condition, branch(list.items().get(1), condition, true, withParameters),
                branch(list.items().get(2), condition, false, withParameters), range);
    }

    private Value branch(Value raw, String condition, boolean value, boolean withParameters) {
        Map<String, Trilean> saved = assumed;
        assumed = new HashMap<>(assumed);
        assumed.put(condition, Trilean.of(value));
        try {
            return resolve(raw, withParameters);
        } finally {
            assumed = saved;
        }
    }

    private Value sub(Value arg, Range range, boolean withParameters) {
        String template;
        Map<String, Value.Entry> variables = Map.of();
        if (arg instanceof Value.Text text) {
            template = text.text();
        } else if (arg instanceof Value.ListValue list && list.items().size() == 2
                && list.items().get(0) instanceof Value.Text text
                && list.items().get(1) instanceof Value.MapValue vars) {
            template = text.text();
            variables = vars.entries();
        } else {
            return new Value.Unknown("malformed Fn::Sub", range);
        }
        List<Value> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("${", i);
            int close = open < 0 ? -1 : template.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                literal.append(template, i, template.length());
                break;
            }
            literal.append(template, i, open);
            String name = template.substring(open + 2, close).strip();
            if (name.startsWith("!")) {
                literal.append("${").append(name.substring(1)).append('}');
            } else {
                if (literal.length() > 0) {
                    parts.add(new Value.Text(literal.toString(), range));
                    literal.setLength(0);
                }
                Value.Entry local = variables.get(name);
                if (local != null) {
                    parts.add(resolve(local.value(), withParameters));
                } else if (name.contains(".") && !name.startsWith("AWS::")) {
                    int dot = name.indexOf('.');
                    parts.add(reference(name.substring(0, dot), name.substring(dot + 1), range));
                } else {
                    parts.add(ref(name, range, withParameters));
                }
            }
            i = close + 1;
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(new Value.Text(literal.toString(), range));
        }
        List<Value> withDynamic = new ArrayList<>(parts.size());
        for (Value part : parts) {
            withDynamic.add(part instanceof Value.Text t ? dynamicReferences(t) : part);
        }
        return concatenate(withDynamic, range);
    }

    private Value join(Value arg, Range range, boolean withParameters) {
        if (!(arg instanceof Value.ListValue list) || list.items().size() != 2) {
            return new Value.Unknown("malformed Fn::Join", range);
        }
        String delimiter = Values.scalarText(list.items().get(0));
        Value items = resolve(list.items().get(1), withParameters);
        if (delimiter == null || !(Values.unwrap(items) instanceof Value.ListValue values)) {
            return new Value.Unknown("Fn::Join over a list not known statically", range);
        }
        List<Value> parts = new ArrayList<>();
        for (int i = 0; i < values.items().size(); i++) {
            if (i > 0 && !delimiter.isEmpty()) {
                parts.add(new Value.Text(delimiter, range));
            }
            parts.add(values.items().get(i));
        }
        return concatenate(parts, range);
    }

    private static Value concatenate(List<Value> parts, Range range) {
        return Values.concatenate(parts, range);
    }

    private Value select(Value arg, Range range, boolean withParameters) {
        if (arg instanceof Value.ListValue list && list.items().size() == 2) {
            String index = Values.scalarText(resolve(list.items().get(0), withParameters));
            Value items = Values.unwrap(resolve(list.items().get(1), withParameters));
            if (index != null && index.matches("\\d{1,9}") && items instanceof Value.ListValue values
                    && Integer.parseInt(index) < values.items().size()) {
                return Values.at(values.items().get(Integer.parseInt(index)), range);
            }
        }
        return new Value.Unknown("Fn::Select over values not known statically", range);
    }

    private Value findInMap(Value arg, Range range, boolean withParameters) {
        if (mappings != null && arg instanceof Value.ListValue list && list.items().size() >= 3) {
            Value current = mappings;
            for (int i = 0; i < 3; i++) {
                String key = Values.scalarText(resolve(list.items().get(i), withParameters));
                if (key == null || !(current instanceof Value.MapValue map) || map.get(key) == null) {
                    current = null;
                    break;
                }
                current = map.get(key);
            }
            if (current != null) {
                return Values.at(resolve(current, withParameters), range);
            }
        }
        return new Value.Unknown("Fn::FindInMap with keys not known statically", range);
    }
}

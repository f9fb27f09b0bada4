package dev.trailwatch.cloudformation;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.document.InlineSuppressions;
import dev.trailwatch.model.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a CloudFormation template (JSON or YAML, plain, SAM or CDK output) into the resource
 * model. Recognising what is a template is by content, as the specification says.
 */
public final class TemplateLoader {
    private TemplateLoader() {}

    /** Whether a parsed document is a CloudFormation template. */
    public static boolean isTemplate(Value root) {
        if (!(root instanceof Value.MapValue map)) {
            return false;
        }
        if (map.entry("AWSTemplateFormatVersion") != null) {
            return true;
        }
        if (!(map.get("Resources") instanceof Value.MapValue resources)) {
            return false;
        }
        for (Value.Entry resource : resources.entries().values()) {
            if (resource.value() instanceof Value.MapValue body && body.get("Type") instanceof Value.Text type
                    && (type.text().startsWith("AWS::") || type.text().startsWith("Custom::"))) {
                return true;
            }
        }
        return false;
    }

    /** The model of a template that {@link #isTemplate} accepted. */
    public static ResourceModel load(SourceFile file, Value.MapValue template, ParameterValues parameters) {
        Value resourcesValue = template.get("Resources");
        Map<String, Value.Entry> declared = resourcesValue instanceof Value.MapValue m ? m.entries() : Map.of();
        Map<String, String> types = new java.util.HashMap<>();
        for (Value.Entry entry : declared.values()) {
            if (entry.value() instanceof Value.MapValue body && Values.scalarText(body.get("Type")) != null) {
                types.put(entry.key(), Values.scalarText(body.get("Type")));
            }
        }
        Intrinsics intrinsics = new Intrinsics(file, section(template, "Parameters"), section(template, "Conditions"),
                section(template, "Mappings"), parameters, types);
        List<Resource> resources = new ArrayList<>(declared.size());
        Map<Resource, Range> extents = new java.util.LinkedHashMap<>();
        List<Suppression> suppressions = new ArrayList<>();
        for (Value.Entry entry : declared.values()) {
            // Fn::ForEach::Name entries (the LanguageExtensions transform) expand at deploy time; others
            // that are not mappings are for CloudFormation's own validation to reject, not a reading error.
            if (!(entry.value() instanceof Value.MapValue body)) {
                continue;
            }
            String type = Values.scalarText(body.get("Type"));
            if (type == null || !exists(body, intrinsics)) {
                continue;
            }
            Value properties = body.get("Properties");
            String condition = Values.scalarText(body.get("Condition"));
            Value resolved = properties == null ? null
                    : liftConditional(Values.unwrap(condition == null ? intrinsics.resolve(properties)
                            : intrinsics.resolveAssuming(properties, condition)));
            // Properties that are a whole intrinsic CloudFormation resolves at deploy time (rare) cannot
            // be read property by property: such a resource has null properties and is not judged.
            Value.MapValue propertyMap = properties == null ? new Value.MapValue(Map.of(), entry.keyRange())
                    : resolved instanceof Value.MapValue pm ? pm : null;
            Resource resource = new Resource(type, entry.key(), entry.key(), file.locate(entry.keyRange()), propertyMap);
            resources.add(resource);
            extents.put(resource, entry.keyRange().union(body.range()));
            suppressions.addAll(metadataSuppressions(file, entry.key(), body.get("Metadata")));
        }
        suppressions.addAll(InlineSuppressions.scan(file, extents));
        return CloudFormationResources.model(resources, suppressions);
    }

    /**
     * {@code Properties: !If [C, {…}, {…}]}, undecided, as one map whose every property is a
     * condition over the two branches, so that each property can be judged on its own.
     */
    static Value liftConditional(Value value) {
        if (!(value instanceof Value.Conditional c)) {
            return value;
        }
        Value whenTrue = liftConditional(Values.unwrap(c.whenTrue()));
        Value whenFalse = liftConditional(Values.unwrap(c.whenFalse()));
        Map<String, Value.Entry> t = whenTrue instanceof Value.MapValue m ? m.entries() : null;
        Map<String, Value.Entry> f = whenFalse instanceof Value.MapValue m ? m.entries() : null;
        boolean trueAbsent = Values.unwrap(whenTrue) instanceof Value.Absent;
        boolean falseAbsent = Values.unwrap(whenFalse) instanceof Value.Absent;
        if ((t == null && !trueAbsent) || (f == null && !falseAbsent)) {
            return value;
        }
        Map<String, Value.Entry> lifted = new java.util.LinkedHashMap<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        if (t != null) {
            keys.addAll(t.keySet());
        }
        if (f != null) {
            keys.addAll(f.keySet());
        }
        for (String key : keys) {
            Value.Entry inTrue = t == null ? null : t.get(key);
            Value.Entry inFalse = f == null ? null : f.get(key);
            Value.Entry any = inTrue != null ? inTrue : inFalse;
            Value a = inTrue != null ? inTrue.value() : new Value.Absent(c.range());
            Value b = inFalse != null ? inFalse.value() : new Value.Absent(c.range());
            lifted.put(key, new Value.Entry(any.key(), any.keyRange(),
                    new Value.Conditional(c.condition(), a, b, any.value().range())));
        }
        return new Value.MapValue(lifted, c.range());
    }

    /**
     * {@code Metadata: {trailwatch: {ignore: [{id, reason, expires}]}}}: suppressions kept with the
     * resource, in JSON templates too.
     */
    private static List<Suppression> metadataSuppressions(SourceFile file, String logicalId, Value metadata) {
        List<Suppression> out = new ArrayList<>(peerMetadataSkips(file, logicalId, metadata));
        if (!(metadata instanceof Value.MapValue m) || !(m.get("trailwatch") instanceof Value.MapValue tw)
                || !(tw.get("ignore") instanceof Value.ListValue entries)) {
            return out;
        }
        for (Value item : entries.items()) {
            if (!(item instanceof Value.MapValue e)) {
                continue;
            }
            String id = Values.scalarText(e.get("id"));
            String expiresText = Values.scalarText(e.get("expires"));
            java.time.LocalDate expires = null;
            try {
                expires = expiresText == null ? null : java.time.LocalDate.parse(expiresText);
            } catch (java.time.format.DateTimeParseException ignored) {
                expires = null; // reported as TW100
            }
            out.add(new Suppression(Suppression.Kind.METADATA, id == null ? List.of() : List.of(id), logicalId, null,
                    Values.scalarText(e.get("reason")), expires, expiresText, file.locate(item.range())));
        }
        return out;
    }

    /**
     * Other linters' skips in a resource's Metadata: Checkov's {@code checkov: {skip: [{id, comment}]}},
     * cfn_nag's {@code cfn_nag: {rules_to_suppress: [{id, reason}]}} and cfn-guard's
     * {@code guard: {SuppressedRules: [ID]}}. They hold only where the project opts in.
     */
    private static List<Suppression> peerMetadataSkips(SourceFile file, String logicalId, Value metadata) {
        List<Suppression> out = new ArrayList<>();
        if (!(metadata instanceof Value.MapValue m)) {
            return out;
        }
        String[][] forms = {{"checkov", "skip", "comment", "skipped for Checkov"},
            {"cfn_nag", "rules_to_suppress", "reason", "suppressed for cfn_nag"}};
        for (String[] form : forms) {
            if (m.get(form[0]) instanceof Value.MapValue tool && tool.get(form[1]) instanceof Value.ListValue entries) {
                for (Value item : entries.items()) {
                    if (item instanceof Value.MapValue e && Values.scalarText(e.get("id")) != null) {
                        String reason = Values.scalarText(e.get(form[2]));
                        out.add(new Suppression(Suppression.Kind.PEER, List.of(Values.scalarText(e.get("id"))), logicalId,
                                null, reason == null || reason.isBlank() ? form[3] : reason, null, null,
                                file.locate(item.range())));
                    }
                }
            }
        }
        if (m.get("guard") instanceof Value.MapValue guard && guard.get("SuppressedRules") instanceof Value.ListValue rules) {
            for (Value item : rules.items()) {
                if (Values.scalarText(item) != null) {
                    out.add(new Suppression(Suppression.Kind.PEER, List.of(Values.scalarText(item)), logicalId, null,
                            "suppressed for cfn-guard", null, null, file.locate(item.range())));
                }
            }
        }
        return out;
    }

    /** A resource exists unless its Condition is false from literals alone (SPEC). */
    private static boolean exists(Value.MapValue body, Intrinsics intrinsics) {
        String condition = Values.scalarText(body.get("Condition"));
        return condition == null || !intrinsics.condition(condition, true).isFalse();
    }

    private static Value.MapValue section(Value.MapValue template, String name) {
        return template.get(name) instanceof Value.MapValue m ? m : null;
    }
}

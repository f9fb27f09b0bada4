package dev.trailwatch.fix;

import dev.trailwatch.cloudformation.CloudFormationYaml;
import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.fix.TemplateText.Fn;
import dev.trailwatch.fix.TemplateText.Syntax;
import dev.trailwatch.model.Value;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.source.InputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fixes in a CloudFormation template (JSON, or YAML with short or long forms): the trail's two
 * properties and, when the template has none that fits, a log group and a role CloudTrail can use.
 * The template is read again here (not the resolved model) because the fix needs where each key
 * and value is written and how.
 */
final class CloudFormationFixes {
    static final String GROUP = "CloudWatchLogsLogGroupArn";
    static final String ROLE = "CloudWatchLogsRoleArn";
    private static final String LOG_GROUP_TYPE = "AWS::Logs::LogGroup";
    private static final String ROLE_TYPE = "AWS::IAM::Role";
    private static final Pattern SHORT_TAG = Pattern.compile("(?m)(:|-)\\s+!(Ref|GetAtt|Sub|Join|If|Select|Equals|Not|"
            + "FindInMap|Split|ImportValue|Base64|And|Or|Condition)\\b");
    private static final Pattern LONG_FORM = Pattern.compile("(?m)^\\s*(-\\s+)?(Ref|Fn::[A-Za-z]+):");
    /** A log group ARN that lacks only the {@code :*} CloudTrail requires. */
    private static final Pattern LOG_GROUP_ARN = Pattern.compile("arn:[^:]+:logs:[^:]*:[^:]*:log-group:[^:*]+(:\\*)?");
    private static final Pattern GROUP_ARN_WITHOUT_WILDCARD = Pattern.compile(".*:log-group:[^:*]+");

    private final String file;
    private final SourceText source;
    private final Syntax syntax;
    private final Map<String, Value.MapValue> resources = new LinkedHashMap<>();
    private final Map<String, Value.Entry> resourceEntries = new LinkedHashMap<>();
    private final Set<String> parameters = new LinkedHashSet<>();
    private final Set<String> taken = new LinkedHashSet<>();

    private CloudFormationFixes(String file, String text) throws InputException {
        this.file = file;
        this.source = new SourceText(text);
        boolean json = DocumentParser.looksLikeJson(text);
        this.syntax = json ? Syntax.JSON
                : !SHORT_TAG.matcher(text).find() && LONG_FORM.matcher(text).find() ? Syntax.YAML_LONG : Syntax.YAML_SHORT;
        Value root = CloudFormationYaml.parse(text);
        if (root instanceof Value.MapValue template) {
            for (String section : List.of("Parameters", "Resources", "Conditions", "Mappings", "Outputs")) {
                if (template.get(section) instanceof Value.MapValue m) {
                    taken.addAll(m.entries().keySet());
                    if (section.equals("Parameters")) {
                        parameters.addAll(m.entries().keySet());
                    }
                    if (section.equals("Resources")) {
                        for (Value.Entry e : m.entries().values()) {
                            if (e.value() instanceof Value.MapValue body) {
                                resources.put(e.key(), body);
                                resourceEntries.put(e.key(), e);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The fixes for a template's findings (TW001 and TW002 on trails; others are left to the reader). */
    static FilePlan plan(String file, String text, List<Finding> findings) throws InputException {
        return new CloudFormationFixes(file, text).plan(findings);
    }

    private FilePlan plan(List<Finding> findings) {
        Map<String, List<Finding>> byTrail = new LinkedHashMap<>();
        for (Finding f : findings) {
            byTrail.computeIfAbsent(f.resource().address(), k -> new ArrayList<>()).add(f);
        }
        return TrailFix.plan(file, byTrail, List.of(), this::fixTrail);
    }

    private TrailFix fixTrail(String trail, List<Finding> findings) {
        Value.MapValue body = resources.get(trail);
        if (body == null) {
            return TrailFix.none("the trail " + trail + " is not a resource of this template");
        }
        Set<String> rules = new LinkedHashSet<>();
        findings.forEach(f -> rules.add(f.ruleId()));
        String unit = indentUnit(trail, body);
        TemplateText writer = new TemplateText(syntax, unit, source.newline());
        List<TextEdit> edits = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        List<String> done = new ArrayList<>();
        Value.MapValue properties = body.get("Properties") instanceof Value.MapValue p && !isFunction(p) ? p : null;
        Value group = properties == null ? null : properties.get(GROUP);
        String groupId = null;
        if (rules.contains("TW002") && group != null) {
            String reason = fixGroupValue(group, writer, edits);
            if (reason != null) {
                return TrailFix.none(reason);
            }
            fixed.add("TW002");
            done.add("made " + GROUP + " a log group ARN ending in :*");
            groupId = declaredIn(group, LOG_GROUP_TYPE);
        }
        if (rules.contains("TW003") && !rules.contains("TW001")) {
            String reason = fixRole(properties, group, groupId != null || group == null ? groupId
                    : declaredIn(group, LOG_GROUP_TYPE), writer, edits, done);
            if (reason != null) {
                return TrailFix.none(reason);
            }
            fixed.add("TW003");
        }
        if (!rules.contains("TW001")) {
            return fixed.isEmpty() ? TrailFix.none("no automatic fix for " + String.join(", ", rules))
                    : new TrailFix(new Fix(file, trail, fixed, String.join("; ", done), edits), null, null);
        }
        Missing groupState = missing(properties, GROUP);
        Missing roleState = missing(properties, ROLE);
        if (groupState.reason != null || roleState.reason != null) {
            return TrailFix.none(groupState.reason != null ? groupState.reason : roleState.reason);
        }
        if (!groupState.missing && groupId == null) {
            groupId = declaredIn(group, LOG_GROUP_TYPE);
        }
        // A literal ARN: the new role's policy names it (with :*, which covers its streams).
        String groupArn = groupId == null && group instanceof Value.Text t && LOG_GROUP_ARN.matcher(t.text()).matches()
                ? (t.text().endsWith(":*") ? t.text() : t.text() + ":*") : null;
        String reuseGroup = groupState.missing ? first(LOG_GROUP_TYPE, null) : null;
        String reuseRole = roleState.missing ? first(ROLE_TYPE, "cloudtrail.amazonaws.com") : null;
        fixed.add("TW001");
        if (body.entry("Properties") != null && properties == null) {
            return TrailFix.none("the trail's Properties is not a mapping written in the template");
        }
        Set<String> reuseNames = new LinkedHashSet<>(taken);
        Fix fresh = integration(trail, body, writer, edits, done, fixed, groupState, roleState, groupId, groupArn, null, null,
                taken);
        if (fresh == null) {
            return TrailFix.none("the log group " + GROUP + " names is not declared in this template, so"
                    + " a role's policy cannot name it: add " + ROLE + " by hand");
        }
        if (reuseGroup == null && reuseRole == null) {
            return new TrailFix(fresh, null, null);
        }
        Fix reusing = integration(trail, body, writer, edits, done, fixed, groupState, roleState, groupId, groupArn, reuseGroup,
                reuseRole, reuseNames);
        return reusing == null ? new TrailFix(fresh, null, null) : new TrailFix(reusing, fresh, null);
    }

    /** Whether a property is to be set (absent or empty), or why it cannot be (a parameter makes it empty). */
    private record Missing(boolean missing, String reason, Value.Entry entry) {}

    private Missing missing(Value.MapValue properties, String key) {
        Value.Entry entry = properties == null ? null : properties.entry(key);
        if (entry == null) {
            return new Missing(true, null, null);
        }
        Value v = entry.value();
        if (v instanceof Value.Null || v instanceof Value.Text t && t.text().isEmpty()
                || v instanceof Value.MapValue m && "AWS::NoValue".equals(refTarget(m))) {
            return new Missing(true, null, entry);
        }
        if (v instanceof Value.MapValue m && parameters.contains(refTarget(m))) {
            return new Missing(false, key + " is set from parameter " + refTarget(m) + ", which is empty here: give"
                    + " the parameter a value (Default or --parameter) rather than changing the template", entry);
        }
        return new Missing(false, null, entry);
    }

    /**
     * The edits setting the missing properties and adding the resources they refer to; null when
     * a role would be needed for a log group this template does not declare.
     */
    private Fix integration(String trail, Value.MapValue body, TemplateText writer, List<TextEdit> earlier,
            List<String> earlierDone, List<String> rules, Missing groupState, Missing roleState, String groupId, String groupArn,
            String reuseGroup, String reuseRole, Set<String> names) {
        List<TextEdit> edits = new ArrayList<>(earlier);
        List<String> done = new ArrayList<>(earlierDone);
        Map<String, Object> newResources = new LinkedHashMap<>();
        Map<String, Object> setProperties = new LinkedHashMap<>();
        String group = groupId;
        if (groupState.missing) {
            group = reuseGroup != null ? reuseGroup : unique(trail + "LogGroup", names);
            if (reuseGroup == null) {
                newResources.put(group, TemplateText.map("Type", LOG_GROUP_TYPE,
                        "Properties", TemplateText.map("RetentionInDays", 365)));
            }
            setProperties.put(GROUP, TemplateText.getAtt(group, "Arn"));
        }
        if (roleState.missing) {
            if (group == null && groupArn == null) {
                return null;
            }
            String role = reuseRole != null ? reuseRole : unique(trail + "CloudWatchLogsRole", names);
            if (reuseRole == null) {
                newResources.put(role, roleResource(group != null ? new Fn("Fn::Sub",
                        "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${" + group
                        + "}:log-stream:*") : groupArn));
            }
            setProperties.put(ROLE, TemplateText.getAtt(role, "Arn"));
        }
        for (Map.Entry<String, Object> e : setProperties.entrySet()) {
            Value.Entry present = (e.getKey().equals(GROUP) ? groupState : roleState).entry;
            if (present != null && source.text(present.value().range()).isBlank()) {
                // "Key:" with nothing after it: the value goes after the colon.
                int colon = source.text().indexOf(':', source.offset(present.keyRange().end()));
                edits.add(source.insertAt(colon + 1, " " + writer.inline(e.getValue())));
            } else if (present != null) {
                edits.add(source.replace(source.offset(present.value().range().start()),
                        source.offset(present.value().range().end()), writer.inline(e.getValue())));
            }
        }
        setProperties.keySet().removeIf(k -> (k.equals(GROUP) ? groupState : roleState).entry != null);
        if (!setProperties.isEmpty()) {
            edits.add(addProperties(body, writer, setProperties));
        }
        if (!newResources.isEmpty()) {
            edits.add(addResources(trail, writer, newResources));
        }
        done.add("set " + String.join(" and ", List.of(GROUP, ROLE).stream()
                .filter(k -> (k.equals(GROUP) ? groupState : roleState).missing).toList())
                + (newResources.isEmpty() ? "" : " (new " + String.join(", ", newResources.keySet()) + ")")
                + (reuseGroup != null ? " (log group " + reuseGroup + ")" : "")
                + (reuseRole != null ? " (role " + reuseRole + ")" : ""));
        return new Fix(file, trail, List.copyOf(rules), String.join("; ", done), edits);
    }

    /** The role AWS documents for CloudTrail: trusted by cloudtrail.amazonaws.com, writing to the group's streams. */
    private static Map<String, Object> roleResource(Object streams) {
        Map<String, Object> trust = TemplateText.map("Version", "2012-10-17", "Statement", List.of(TemplateText.map(
                "Effect", "Allow", "Principal", TemplateText.map("Service", "cloudtrail.amazonaws.com"),
                "Action", "sts:AssumeRole")));
        Map<String, Object> policy = TemplateText.map("Version", "2012-10-17", "Statement", List.of(TemplateText.map(
                "Effect", "Allow", "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                "Resource", streams)));
        return TemplateText.map("Type", ROLE_TYPE, "Properties", TemplateText.map(
                "AssumeRolePolicyDocument", trust,
                "Policies", List.of(TemplateText.map("PolicyName", "cloudtrail-to-cloudwatch-logs",
                        "PolicyDocument", policy))));
    }

    /**
     * TW003 on a role declared here with literal policy documents: the CloudTrail trust statement
     * when its trust policy does not name cloudtrail.amazonaws.com, else a statement allowing the
     * two actions on the trail's log streams in its first inline policy.
     */
    private String fixRole(Value.MapValue properties, Value group, String groupId, TemplateText writer,
            List<TextEdit> edits, List<String> done) {
        Value roleValue = properties == null ? null : properties.get(ROLE);
        String role = roleValue == null ? null : declaredIn(roleValue, ROLE_TYPE);
        if (role == null) {
            return ROLE + " does not name a role declared in this template";
        }
        if (roleValue instanceof Value.MapValue ref && role.equals(refTarget(ref))) { // the role's name, not its ARN
            edits.add(source.replace(source.offset(ref.range().start()), source.offset(ref.range().end()),
                    writer.inline(TemplateText.getAtt(role, "Arn"))));
            done.add("made " + ROLE + " the ARN of role " + role);
            return null;
        }
        Value.MapValue roleProperties = resources.get(role).get("Properties") instanceof Value.MapValue p
                && !isFunction(p) ? p : null;
        if (roleProperties == null || !(roleProperties.get("AssumeRolePolicyDocument") instanceof Value.MapValue trust)
                || isFunction(trust)) {
            return "the trust policy of role " + role + " is not a document written in the template";
        }
        if (!source.text(trust.range()).contains("cloudtrail.amazonaws.com")) {
            done.add("let cloudtrail.amazonaws.com assume role " + role);
            return addStatement(trust, TemplateText.map("Effect", "Allow", "Principal",
                    TemplateText.map("Service", "cloudtrail.amazonaws.com"), "Action", "sts:AssumeRole"), writer, edits,
                    "the trust policy of role " + role);
        }
        Object streams = groupId != null ? new Fn("Fn::Sub", "arn:${AWS::Partition}:logs:${AWS::Region}:"
                + "${AWS::AccountId}:log-group:${" + groupId + "}:log-stream:*")
                : group instanceof Value.Text t && LOG_GROUP_ARN.matcher(t.text()).matches()
                        ? (t.text().endsWith(":*") ? t.text() : t.text() + ":*") : null;
        if (streams == null) {
            return "the trail's log group is not declared in this template or written as an ARN: add the role's"
                    + " permissions by hand";
        }
        if (!(roleProperties.get("Policies") instanceof Value.ListValue policies) || policies.items().isEmpty()
                || !(policies.items().get(0) instanceof Value.MapValue policy)
                || !(policy.get("PolicyDocument") instanceof Value.MapValue document) || isFunction(document)) {
            return "role " + role + " has no inline policy written in the template to add the permissions to";
        }
        done.add("allowed role " + role + " logs:CreateLogStream and logs:PutLogEvents on the trail's log streams");
        return addStatement(document, TemplateText.map("Effect", "Allow", "Action",
                List.of("logs:CreateLogStream", "logs:PutLogEvents"), "Resource", streams), writer, edits,
                "the first inline policy of role " + role);
    }

    /** A statement added before the first of a policy document's Statement list. */
    private String addStatement(Value.MapValue document, Map<String, Object> statement, TemplateText writer,
            List<TextEdit> edits, String what) {
        if (!(document.get("Statement") instanceof Value.ListValue list) || list.items().isEmpty()) {
            return what + " has no Statement list to add to";
        }
        int first = source.offset(list.items().get(0).range().start());
        String before = source.text().substring(source.lineStart(first), first);
        if (syntax != Syntax.JSON && before.matches("\\s*-\\s+")) { // a block sequence: "- " items
            String dash = before.substring(0, before.indexOf('-'));
            Value item = list.items().get(0);
            boolean flowItem = source.text().charAt(first) == '{' && item.range().start().line() == item.range().end().line();
            edits.add(source.insertAt(source.lineStart(first), flowItem ? before + writer.inline(statement) + source.newline()
                    : writer.listItem(statement, dash)));
        } else if (syntax == Syntax.JSON && before.isBlank() && currentUnit != null) {
            // On its own lines, or on one line as the first statement is written.
            Value item = list.items().get(0);
            boolean oneLine = item.range().start().line() == item.range().end().line();
            edits.add(source.insertAt(source.lineStart(first), before + (oneLine ? writer.inline(statement)
                    : writer.jsonValue(statement, before)) + "," + source.newline()));
        } else { // on one line: [ {...}, ... ]
            edits.add(source.insertAt(first, writer.inline(statement) + ", "));
        }
        return null;
    }

    /** Properties written before the first one there is, or a new Properties after Type. */
    private TextEdit addProperties(Value.MapValue body, TemplateText writer, Map<String, Object> added) {
        Value.Entry propertiesEntry = body.entry("Properties");
        boolean json = syntax == Syntax.JSON;
        if (propertiesEntry != null && propertiesEntry.value() instanceof Value.MapValue properties) {
            Value.Entry firstKey = properties.entries().values().stream()
                    .min(Comparator.comparing(e -> e.keyRange().start())).orElse(null);
            if (firstKey == null) { // {} : written inline
                Value v = properties;
                return source.replace(source.offset(v.range().start()), source.offset(v.range().end()),
                        writer.inline(added));
            }
            int at = source.offset(firstKey.keyRange().start());
            if (source.startsLine(at) && !isFlow(properties)) {
                String text = writer.entries(added, source.indentOfLine(at));
                if (json) {
                    text = text.substring(0, text.length() - source.newline().length()) + "," + source.newline();
                }
                return source.insertAt(source.lineStart(at), text);
            }
            String inline = writer.inline(added);
            return source.insertAt(at, inline.substring(1, inline.length() - 1) + ", ");
        }
        Value.Entry type = body.entry("Type");
        int typeKey = source.offset(type.keyRange().start());
        int end = source.offset(type.value().range().end());
        String indent = source.indentOfLine(typeKey);
        if (json) {
            if (!source.startsLine(typeKey) || currentUnit == null) {
                return source.insertAt(end, ", \"Properties\": " + writer.inline(added));
            }
            return source.insertAt(end, "," + source.newline() + indent + "\"Properties\": {" + source.newline()
                    + writer.entries(added, indent + currentUnit) + indent + "}");
        }
        if (!source.startsLine(typeKey)) { // a flow mapping: Trail: {Type: AWS::CloudTrail::Trail}
            return source.insertAt(end, ", Properties: " + writer.inline(added));
        }
        int next = source.nextLineStart(end);
        String text = indent + "Properties:" + source.newline() + writer.entries(added, indent + currentUnit);
        if (next == source.text().length() && !source.text().endsWith("\n")) { // and keeps no final newline
            text = source.newline() + text.substring(0, text.length() - source.newline().length());
        }
        return source.insertAt(next, text);
    }

    /** The unit of the resource being fixed, set by {@link #indentUnit}. */
    private String currentUnit = "  ";

    /** New resources before the trail (and the comments just above it), at the trail's indentation. */
    private TextEdit addResources(String trail, TemplateText writer, Map<String, Object> added) {
        Value.Entry entry = resourceEntries.get(trail);
        int key = source.offset(entry.keyRange().start());
        if (!source.startsLine(key) || currentUnit == null) {
            StringBuilder inline = new StringBuilder();
            added.forEach((id, body) -> inline.append(syntax == Syntax.JSON ? TemplateText.quote(id) : id).append(": ")
                    .append(writer.inline(body)).append(", "));
            return source.insertAt(key, inline.toString());
        }
        String indent = source.indentOfLine(key);
        int line = source.position(key).line();
        // The comments just above the trail, at its indentation, stay with it (deeper ones close the block before).
        while (syntax != Syntax.JSON && line > 1 && source.line(line - 1).strip().startsWith("#")
                && source.line(line - 1).startsWith(indent + "#")) {
            line--;
        }
        int at = source.offset(new dev.trailwatch.source.Position(line, 1));
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> e : added.entrySet()) {
            if (syntax == Syntax.JSON) {
                text.append(indent).append(writer.jsonEntry(e.getKey(), e.getValue(), indent)).append(",")
                        .append(source.newline());
            } else {
                text.append(indent).append(e.getKey()).append(":").append(source.newline());
                @SuppressWarnings("unchecked")
                Map<String, Object> body = (Map<String, Object>) e.getValue();
                text.append(writer.entries(body, indent + currentUnit));
            }
        }
        return source.insertAt(at, text.toString());
    }

    /**
     * The file's indentation step, from the trail (its key's and its Type's indentation), or null
     * when the resource is written on one line (compact JSON, a YAML flow mapping).
     */
    private String indentUnit(String trail, Value.MapValue body) {
        int key = source.offset(resourceEntries.get(trail).keyRange().start());
        Value.Entry first = body.entries().values().stream().min(Comparator.comparing(e -> e.keyRange().start()))
                .orElse(null);
        if (first == null || !source.startsLine(key) || !source.startsLine(source.offset(first.keyRange().start()))) {
            currentUnit = null;
            return null;
        }
        String outer = source.indentOfLine(key);
        String inner = source.indentOfLine(source.offset(first.keyRange().start()));
        currentUnit = inner.startsWith(outer) && inner.length() > outer.length() ? inner.substring(outer.length())
                : syntax == Syntax.JSON ? "    " : "  ";
        return currentUnit;
    }

    private boolean isFlow(Value.MapValue map) {
        return source.text().charAt(source.offset(map.range().start())) == '{' && syntax != Syntax.JSON;
    }

    /** TW002: !Ref LG becomes !GetAtt LG.Arn; an ARN (or !Sub) ending in log-group:NAME gets :*. */
    private String fixGroupValue(Value group, TemplateText writer, List<TextEdit> edits) {
        if (group instanceof Value.MapValue m && refTarget(m) != null) {
            String target = refTarget(m);
            if (!isType(target, LOG_GROUP_TYPE)) {
                return GROUP + " refers to " + target + ", which is not a log group declared in this template";
            }
            edits.add(source.replace(source.offset(m.range().start()), source.offset(m.range().end()),
                    writer.inline(TemplateText.getAtt(target, "Arn"))));
            return null;
        }
        Value text = group instanceof Value.MapValue m && m.entries().size() == 1 && m.get("Fn::Sub") != null
                ? m.get("Fn::Sub") : group;
        if (text instanceof Value.Text t && GROUP_ARN_WITHOUT_WILDCARD.matcher(t.text()).matches()) {
            int end = source.offset(t.range().end());
            char last = source.text().charAt(end - 1);
            edits.add(source.insertAt(last == '"' || last == '\'' ? end - 1 : end, ":*"));
            return null;
        }
        return GROUP + " is not a reference or ARN that can be corrected automatically";
    }

    /** {@code {Ref: …}} or {@code {Fn::…: …}}: an intrinsic function, not a mapping of properties. */
    private static boolean isFunction(Value.MapValue map) {
        return map.entries().size() == 1 && map.entries().keySet().stream()
                .anyMatch(k -> k.equals("Ref") || k.startsWith("Fn::"));
    }

    private static String refTarget(Value.MapValue map) {
        return map.entries().size() == 1 && map.get("Ref") instanceof Value.Text t ? t.text() : null;
    }

    private boolean isType(String id, String type) {
        Value.MapValue body = resources.get(id);
        return body != null && body.get("Type") instanceof Value.Text t && t.text().equals(type);
    }

    /** The first resource of that type (whose text mentions {@code mentioning}, when given). */
    private String first(String type, String mentioning) {
        for (String id : resources.keySet()) {
            if (isType(id, type) && (mentioning == null
                    || source.text(resourceEntries.get(id).value().range()).contains(mentioning))) {
                return id;
            }
        }
        return null;
    }

    /** The declared resource of that type a value names (by Ref, GetAtt or inside a Sub), or null. */
    private String declaredIn(Value value, String type) {
        String text = source.text(value.range());
        for (String id : resources.keySet()) {
            if (isType(id, type) && Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(id) + "(?![A-Za-z0-9])")
                    .matcher(text).find()) {
                return id;
            }
        }
        return null;
    }

    private static String unique(String wanted, Set<String> names) {
        String name = wanted;
        for (int i = 2; names.contains(name); i++) {
            name = wanted + i;
        }
        names.add(name);
        return name;
    }
}

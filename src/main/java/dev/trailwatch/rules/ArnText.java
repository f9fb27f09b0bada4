package dev.trailwatch.rules;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.TextShape;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.LogGroup;
import dev.trailwatch.model.aws.ReferenceForms;
import dev.trailwatch.model.aws.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Values as partly known text, with references to declared log groups and roles written out as
 * the ARNs and names they give ({@code arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME}), and
 * the ARN forms CloudTrail accepts. What the rules decide about an ARN, they decide here.
 */
final class ArnText {
    /** What CloudTrail accepts as a log group: {@code arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*}. */
    static final TextForm LOG_GROUP_ARN = logGroupArn(true);
    static final TextForm LOG_GROUP_ARN_WITHOUT_WILDCARD = logGroupArn(false);
    /** {@code arn:PARTITION:iam::ACCOUNT:role/NAME}. */
    static final TextForm ROLE_ARN = TextForm.builder().text("arn:").some(TextForm.characters("a-z0-9-"), 1, false)
            .text(":iam::").some(TextForm.characters("0-9"), 12, true).text(":role/")
            .some(TextForm.ANY_CHARACTER, 1, false).buildShared();
    /** Anything that starts as an ARN. */
    static final TextForm ANY_ARN = TextForm.builder().text("arn:").anything().buildShared();

    /** Values are followed this deep through names that are themselves built (a log group named after a variable). */
    private static final int MAX_DEPTH = 8;

    private ArnText() {}

    private static TextForm logGroupArn(boolean wildcard) {
        TextForm.Builder b = TextForm.builder().text("arn:").some(TextForm.characters("a-z0-9-"), 1, false)
                .text(":logs:").some(TextForm.characters("a-z0-9-"), 0, false).text(":")
                .some(TextForm.characters("0-9"), 0, false).text(":log-group:").some(TextForm.except(":*"), 1, false);
        return (wildcard ? b.text(":*") : b).buildShared();
    }

    /** One possible value (a leaf of its conditions) as partly known text. */
    static PartialText of(Value value, ResourceModel model) {
        return of(value, model, 0);
    }

    private static PartialText of(Value value, ResourceModel model, int depth) {
        Value v = Values.unwrap(value);
        if (depth > MAX_DEPTH) {
            return PartialText.open(TextShape.ANY, "a value built from values nested too deeply to follow");
        }
        if (v instanceof Value.Null || v instanceof Value.Absent) {
            return PartialText.of("");
        }
        String scalar = Values.scalarText(v);
        if (scalar != null) {
            return PartialText.of(scalar);
        }
        if (v instanceof Value.Concatenation c) {
            List<PartialText> parts = new ArrayList<>();
            for (Value part : c.parts()) {
                parts.add(of(part, model, depth + 1));
            }
            return PartialText.concat(parts);
        }
        if (v instanceof Value.Unknown u) {
            return PartialText.open(u.shape(), u.reason());
        }
        if (v instanceof Value.Reference r) {
            return reference(r, model, depth);
        }
        if (v instanceof Value.Conditional c) {
            return PartialText.open(TextShape.ANY, "a part that depends on condition " + c.condition());
        }
        return PartialText.open(TextShape.ANY, "a list or map where text belongs");
    }

    private static PartialText reference(Value.Reference r, ResourceModel model, int depth) {
        Resource target = model.resource(r.target());
        LogGroup group = model.logGroup(target);
        if (group != null && group.references().isName(r.attribute())) {
            return logGroupName(group, model, depth);
        }
        if (group != null && group.references().isArn(r.attribute())) {
            return PartialText.concat(List.of(arnStart(target, "logs"), PartialText.of(":log-group:"),
                    logGroupName(group, model, depth),
                    PartialText.of(group.references().arnEndsWithWildcard() ? ":*" : "")));
        }
        Role role = model.role(target);
        if (role != null && role.references().isName(r.attribute())) {
            return roleName(role, model, depth);
        }
        if (role != null && role.references().isArn(r.attribute())) {
            return PartialText.concat(List.of(PartialText.of("arn:"),
                    PartialText.open(TextShape.PARTITION, "the partition " + r.target() + " is deployed in"),
                    PartialText.of(":iam::"),
                    PartialText.open(TextShape.ACCOUNT_ID, "the account " + r.target() + " is deployed in"),
                    PartialText.of(":role/"), roleName(role, model, depth)));
        }
        String what = r.attribute() == null ? r.target() : r.target() + "." + r.attribute();
        return PartialText.open(TextShape.ANY, target == null ? what + ", which is not declared here"
                : what + ", known only once " + r.target() + " is deployed");
    }

    /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT} of a resource, its region written when known. */
    private static PartialText arnStart(Resource resource, String service) {
        String address = resource.address();
        PartialText region = resource.region() != null ? PartialText.of(resource.region())
                : PartialText.open(TextShape.REGION, "the region " + address + " is deployed in");
        return PartialText.concat(List.of(PartialText.of("arn:"),
                PartialText.open(TextShape.PARTITION, "the partition " + address + " is deployed in"),
                PartialText.of(":" + service + ":"), region, PartialText.of(":"),
                PartialText.open(TextShape.ACCOUNT_ID, "the account " + address + " is deployed in")));
    }

    private static PartialText logGroupName(LogGroup group, ResourceModel model, int depth) {
        if (group.name().isPresent()) {
            return asName(of(group.name().value(), model, depth + 1), TextShape.LOG_GROUP_NAME);
        }
        return PartialText.open(TextShape.LOG_GROUP_NAME, "the name generated for " + group.resource().address());
    }

    private static PartialText roleName(Role role, ResourceModel model, int depth) {
        if (role.name().isPresent()) {
            return asName(of(role.name().value(), model, depth + 1), TextShape.ROLE_NAME);
        }
        return PartialText.open(TextShape.ROLE_NAME, "the name generated for " + role.resource().address());
    }

    /**
     * A declared resource's name: AWS accepts only names of its shape, so a part of it that is not
     * known is at least known to be made of those characters.
     */
    private static PartialText asName(PartialText name, TextShape shape) {
        List<PartialText.Piece> pieces = new ArrayList<>();
        for (PartialText.Piece piece : name.pieces()) {
            pieces.add(piece instanceof PartialText.Open open && open.shape() == TextShape.ANY
                    ? new PartialText.Open(shape, open.origin()) : piece);
        }
        return new PartialText(pieces);
    }

    // ---- which declared resource a value names ----

    /**
     * The declared log group a value names: through a reference to it anywhere in the value (its
     * name inside an ARN, or its ARN), or by an ARN whose log group name is literally a declared
     * group's name. Null when it names none declared here.
     */
    static LogGroup logGroupNamed(Value value, ResourceModel model) {
        LogGroup group = referenced(value, model, model::logGroup, LogGroup::references);
        if (group != null) {
            return group;
        }
        PartialText text = of(value, model);
        if ("logs".equals(text.knownField(2)) && "log-group".equals(text.knownField(5))) {
            String name = text.knownField(6);
            return name == null ? null : model.logGroupNamed(name);
        }
        return null;
    }

    /** The declared role a value names: by a reference to it, or by an ARN ending in its literal name. */
    static Role roleNamed(Value value, ResourceModel model) {
        Role role = referenced(value, model, model::role, Role::references);
        if (role != null) {
            return role;
        }
        PartialText text = of(value, model);
        String resource = "iam".equals(text.knownField(2)) ? text.knownField(5) : null;
        if (resource != null && resource.startsWith("role/")) {
            return model.roleNamed(resource.substring(resource.lastIndexOf('/') + 1));
        }
        return null;
    }

    /** The first resource of a kind whose ARN or name the value holds through a reference to it, or null. */
    private static <T> T referenced(Value value, ResourceModel model, Function<Resource, T> kind,
            Function<T, ReferenceForms> forms) {
        for (Value.Reference r : references(value)) {
            T typed = kind.apply(model.resource(r.target()));
            if (typed != null && (forms.apply(typed).isName(r.attribute()) || forms.apply(typed).isArn(r.attribute()))) {
                return typed;
            }
        }
        return null;
    }

    /**
     * The reference a value starts with when it gives a resource's ARN or name (as the format
     * defines for any resource), else null: what kind of resource the value is about.
     */
    static Value.Reference leadingReference(Value value, ResourceModel model) {
        Value first = Values.unwrap(value) instanceof Value.Concatenation c && !c.parts().isEmpty()
                ? Values.unwrap(c.parts().get(0)) : Values.unwrap(value);
        return first instanceof Value.Reference r && (model.otherResources().isArn(r.attribute())
                || model.otherResources().isName(r.attribute())) ? r : null;
    }

    /** The references a value is built from, in order. */
    static List<Value.Reference> references(Value value) {
        Value v = Values.unwrap(value);
        if (v instanceof Value.Reference r) {
            return List.of(r);
        }
        if (v instanceof Value.Concatenation c) {
            List<Value.Reference> out = new ArrayList<>();
            for (Value part : c.parts()) {
                out.addAll(references(part));
            }
            return out;
        }
        return List.of();
    }
}

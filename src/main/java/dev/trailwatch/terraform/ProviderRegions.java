package dev.trailwatch.terraform;

import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.hcl.Body;
import dev.trailwatch.terraform.hcl.Expression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The regions of one module instance's AWS providers when they are literals: those it declares,
 * and those it inherits from its caller (the default provider, or what the call's
 * {@code providers} map passes).
 */
final class ProviderRegions {
    /** No provider from a caller: the root module, or a scratch evaluation. */
    static final UnaryOperator<String> NONE = alias -> null;

    private final List<Module.Declared> providers;
    private final Evaluator literals;
    /** The calling module's provider regions, by alias (null: the default provider). */
    private final UnaryOperator<String> inherited;

    ProviderRegions(List<Module.Declared> providers, Evaluator literals, UnaryOperator<String> inherited) {
        this.providers = providers;
        this.literals = literals;
        this.inherited = inherited;
    }

    /**
     * The region of a resource's AWS provider when it is a literal: its own {@code region}, else
     * that of its {@code provider = aws.ALIAS} or of the default {@code provider "aws"}.
     */
    String ofResource(Body.Block block, SourceFile file) {
        // AWS provider 6 lets a resource choose its own region.
        Body.Attribute own = block.body().attribute("region");
        Value ownRegion = own == null ? null : Values.unwrap(literals.eval(own.value(), Scope.EMPTY, file));
        if (ownRegion != null && !(ownRegion instanceof Value.Null)) {
            return Values.scalarText(ownRegion); // null: the provider's region, as for no argument
        }
        // provider = aws.ALIAS, or in .tf.json (as CDKTF writes it) "provider": "aws.ALIAS".
        Body.Attribute provider = block.body().attribute("provider");
        String name = provider == null ? null : providerName(provider.value());
        String alias = name != null && name.startsWith("aws.") ? name.substring("aws.".length()) : null;
        return ofAlias(alias);
    }

    /** The region of the provider with this alias (null: the default one), declared here or inherited. */
    String ofAlias(String alias) {
        for (Module.Declared p : providers) {
            Body.Attribute aliasAttribute = p.block().body().attribute("alias");
            String declaredAlias = aliasAttribute == null ? null
                    : Values.scalarText(literals.eval(aliasAttribute.value(), Scope.EMPTY, p.file()));
            if (p.label(0).equals("aws") && Objects.equals(alias, declaredAlias)) {
                Body.Attribute region = p.block().body().attribute("region");
                return region == null ? null : Values.scalarText(literals.eval(region.value(), Scope.EMPTY, p.file()));
            }
        }
        return inherited.apply(alias);
    }

    /**
     * What a module called by {@code call} inherits: with {@code providers = { aws = aws.west }},
     * the child's provider configurations are this module's, renamed; without, the default one.
     */
    UnaryOperator<String> passedBy(Body.Block call) {
        Map<String, String> passed = passedProviders(call);
        if (passed == null) {
            return this::ofAlias;
        }
        return childAlias -> {
            String childName = childAlias == null ? "aws" : "aws." + childAlias;
            if (!passed.containsKey(childName)) {
                // The default provider is inherited unless passed; an alias must be passed.
                return childAlias == null ? ofAlias(null) : null;
            }
            return ofAlias(passed.get(childName));
        };
    }

    /**
     * A module call's {@code providers} map for aws, as child name ("aws" or "aws.ALIAS") to the
     * caller's alias (null for its default provider); null when the call passes no providers.
     */
    private static Map<String, String> passedProviders(Body.Block call) {
        Body.Attribute providers = call.body().attribute("providers");
        if (providers == null || !(providers.value() instanceof Expression.ObjectCons object)) {
            return null;
        }
        Map<String, String> out = new HashMap<>();
        for (Expression.ObjectItem item : object.items()) {
            String child = providerName(item.key());
            String caller = providerName(item.value());
            if (child != null && caller != null && child.startsWith("aws") && caller.startsWith("aws")) {
                out.put(child, caller.equals("aws") ? null : caller.substring("aws.".length()));
            }
        }
        return out;
    }

    /** "aws" or "aws.ALIAS" from a provider reference, else null. */
    private static String providerName(Expression e) {
        if (e instanceof Expression.Template t && t.literalText() != null) {
            return t.literalText(); // a bare key: { aws = aws.west }
        }
        if (e instanceof Expression.Variable v && v.name().equals("aws")) {
            return "aws";
        }
        if (e instanceof Expression.GetAttr g && g.object() instanceof Expression.Variable v && v.name().equals("aws")) {
            return "aws." + g.name();
        }
        return null;
    }
}

package dev.trailwatch.terraform;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.InputError;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.hcl.Body;
import dev.trailwatch.terraform.hcl.Expression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A module evaluated in one context: its variables' values, its address prefix
 * ({@code module.audit.}), and the chain of calls that led to it. Locals, module outputs and
 * policy documents are evaluated on demand and remembered.
 */
final class ModuleInstance {
    private static final Set<String> MODULE_META_ARGUMENTS = Set.of("source", "version", "count", "for_each",
            "providers", "depends_on");

    private final Module module;
    private final ModuleReader reader;
    private final Map<String, VariableValue> inputs;
    private final String prefix;
    private final String callKey;
    private final Set<Path> ancestors;
    private final ModulesManifest manifest;
    private final List<InputError> errors;
    private final Evaluator values = new Evaluator(this, false);
    private final Evaluator literals = new Evaluator(this, true);
    private final Map<String, Value> localValues = new HashMap<>();
    private final Map<String, Value> literalLocalValues = new HashMap<>();
    private final Set<String> evaluatingLocals = new HashSet<>();
    private final Map<String, List<ModuleInstance>> children = new HashMap<>();
    /** Output values of called modules, by call name then output name. */
    private final Map<String, Map<String, Value>> outputValues = new HashMap<>();
    /** The calling module's provider regions, by alias (null: the default provider). */
    private java.util.function.Function<String, String> inheritedRegion;
    /** The instance whose call made this one (null for the root). */
    private ModuleInstance caller;
    /** Whether the call's source is a local path (./, ../) rather than an installed remote module. */
    private boolean localCall;

    ModuleInstance(Module module, ModuleReader reader, Map<String, VariableValue> inputs, String prefix, String callKey,
            Set<Path> ancestors, ModulesManifest manifest, List<InputError> errors) {
        this.module = module;
        this.reader = reader;
        this.inputs = inputs;
        this.prefix = prefix;
        this.callKey = callKey;
        this.ancestors = ancestors;
        this.manifest = manifest;
        this.errors = errors;
    }

    String prefix() {
        return prefix;
    }

    /** The folder of this module's files. */
    Path dir() {
        return module.dir;
    }

    /** The instance that called this one, or null for the root module. */
    ModuleInstance caller() {
        return caller;
    }

    /** Whether this instance was called with a local source path ({@code ./…}, {@code ../…}). */
    boolean calledLocally() {
        return localCall;
    }

    // ---- what expressions refer to ----

    private boolean notNullable(Module.Declared declared) {
        Body.Attribute nullable = declared.block().body().attribute("nullable");
        return nullable != null && "false".equals(Values.scalarText(literals.eval(nullable.value(), Scope.EMPTY,
                declared.file())));
    }

    Value variable(String name, Range at) {
        VariableValue given = inputs.get(name);
        Module.Declared declared = module.variables.get(name);
        // A null argument to a variable declared nullable = false means its default, as in Terraform.
        boolean nullForDefault = given != null && Values.unwrap(given.value()) instanceof Value.Null
                && declared != null && notNullable(declared);
        if (given != null && !nullForDefault) {
            return new Value.Substituted(given.value(), at, given.origin(), given.description());
        }
        if (declared == null) {
            return new Value.Unknown("variable " + name + " is not declared", at);
        }
        Body.Attribute defaultValue = declared.block().body().attribute("default");
        if (defaultValue == null) {
            return new Value.Unknown("variable " + name + " has no default and no value", at);
        }
        Value value = literals.eval(defaultValue.value(), Scope.EMPTY, declared.file());
        return new Value.Substituted(value, at, declared.file().locate(defaultValue.range()),
                "the default of variable " + name);
    }

    Value local(String name, boolean literalsOnly, Range at) {
        Map<String, Value> memo = literalsOnly ? literalLocalValues : localValues;
        Value known = memo.get(name);
        if (known != null) {
            return Values.at(known, at);
        }
        Module.DeclaredAttribute declared = module.locals.get(name);
        if (declared == null) {
            return new Value.Unknown("local " + name + " is not declared", at);
        }
        String key = (literalsOnly ? "L:" : "V:") + name;
        if (!evaluatingLocals.add(key)) {
            return new Value.Unknown("local " + name + " refers to itself", at);
        }
        Value value;
        try {
            value = (literalsOnly ? literals : values).eval(declared.attribute().value(), Scope.EMPTY, declared.file());
        } finally {
            evaluatingLocals.remove(key);
        }
        Value located = new Value.Substituted(value, declared.attribute().value().range(),
                declared.file().locate(declared.attribute().range()), "local " + name);
        memo.put(name, located);
        return Values.at(located, at);
    }

    /** The outputs of a called module as an object, or unknown when the module cannot be read. */
    Value moduleOutputs(String name, Range at) {
        Module.Declared call = module.moduleCalls.get(name);
        if (call == null) {
            return new Value.Unknown("module " + name + " is not declared", at);
        }
        if (call.block().body().attribute("count") != null || call.block().body().attribute("for_each") != null) {
            return new Value.Unknown("outputs of module " + name + ", which has count or for_each, are not evaluated",
                    at);
        }
        List<ModuleInstance> instances = children(name);
        if (instances == null || instances.isEmpty()) {
            return new Value.Unknown("module " + name + " (" + source(call) + ") could not be read", at);
        }
        ModuleInstance child = instances.get(0);
        // Evaluated once per call: every reference to module.NAME would otherwise evaluate all its outputs again.
        Map<String, Value> evaluated = outputValues.computeIfAbsent(name, n -> new HashMap<>());
        Map<String, Value.Entry> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, Module.Declared> output : child.module.outputs.entrySet()) {
            Body.Attribute value = output.getValue().block().body().attribute("value");
            if (value != null) {
                Value v = evaluated.get(output.getKey());
                if (v == null) {
                    v = child.values.eval(value.value(), Scope.EMPTY, output.getValue().file());
                    evaluated.put(output.getKey(), v);
                }
                outputs.put(output.getKey(), new Value.Entry(output.getKey(), value.nameRange(),
                        new Value.Substituted(v, at, output.getValue().file().locate(value.range()),
                                "output " + output.getKey() + " of module." + name)));
            }
        }
        return new Value.MapValue(outputs, at);
    }

    /** {@code data "aws_iam_policy_document" NAME}'s json, as a structured policy document. */
    Value policyDocument(String name, Range at) {
        Module.Declared declared = module.dataSources.get("aws_iam_policy_document." + name);
        if (declared == null) {
            return new Value.Unknown("data.aws_iam_policy_document." + name + " is not declared", at);
        }
        return PolicyDocuments.evaluate(declared, values, at);
    }

    // ---- resources ----

    /**
     * Every resource of this instance and the modules it calls, with their Terraform addresses;
     * {@code owners} receives the instance that declares each one.
     */
    void collect(List<Resource> out, Map<SourceFile, Map<Resource, Range>> extents,
            Map<Resource, ModuleInstance> owners) {
        for (Module.Declared declared : module.resources) {
            for (Instance instance : instances(declared.block(), declared.file())) {
                Resource resource = resource(declared, instance);
                out.add(resource);
                owners.put(resource, this);
                extents.computeIfAbsent(declared.file(), f -> new LinkedHashMap<>()).put(resource, declared.block().range());
            }
        }
        for (Map.Entry<String, Module.Declared> call : module.moduleCalls.entrySet()) {
            // The call's block, as a target for comments: a suppression written there covers its findings.
            Module.Declared declared = call.getValue();
            Resource block = new Resource("module", call.getKey(), prefix + "module." + call.getKey(),
                    declared.file().locate(header(declared.block())), null);
            extents.computeIfAbsent(declared.file(), f -> new LinkedHashMap<>()).put(block, declared.block().range());
            String name = call.getKey();
            List<ModuleInstance> instances = children(name);
            if (instances != null) {
                for (ModuleInstance child : instances) {
                    child.collect(out, extents, owners);
                }
            }
        }
    }

    private Resource resource(Module.Declared declared, Instance instance) {
        Body.Block block = declared.block();
        String type = declared.label(0);
        String name = declared.label(1);
        Range header = header(block);
        Value.MapValue properties = body(block.body(), instance.scope, declared.file());
        return new Resource(type, name, prefix + type + "." + name + instance.suffix, declared.file().locate(header),
                properties, null, region(block, declared.file()));
    }

    /**
     * The {@code resource "type" "name"} header; in JSON, where the type and the name are keys on
     * different lines, the name's key.
     */
    private static Range header(Body.Block block) {
        if (block.labels().isEmpty()) {
            return block.typeRange();
        }
        Range last = block.labels().get(block.labels().size() - 1).range();
        return last.start().line() == block.typeRange().start().line()
                ? new Range(block.typeRange().start(), last.end()) : last;
    }

    /** Attributes as evaluated; nested blocks as objects, a block type written several times as a list of them. */
    private Value.MapValue body(Body body, Scope scope, SourceFile file) {
        Map<String, Value.Entry> entries = new LinkedHashMap<>();
        Map<String, List<Value>> blocks = new HashMap<>();
        for (Body.Item item : body.items()) {
            if (item instanceof Body.Attribute a) {
                Value value = Values.at(values.eval(a.value(), scope, file), a.value().range());
                entries.put(a.name(), new Value.Entry(a.name(), a.nameRange(), value));
                continue;
            }
            Body.Block nested = (Body.Block) item;
            boolean dynamic = nested.type().equals("dynamic") && !nested.labels().isEmpty();
            String key = dynamic ? nested.labels().get(0).value() : nested.type();
            Value value = dynamic ? new Value.Unknown("dynamic blocks are generated when Terraform runs", nested.range())
                    : body(nested.body(), scope, file);
            List<Value> sameType = blocks.computeIfAbsent(key, k -> new ArrayList<>());
            sameType.add(value);
            if (sameType.size() == 1) {
                entries.put(key, new Value.Entry(key, nested.typeRange(), value));
            } else {
                Value.Entry first = entries.get(key);
                entries.put(key, new Value.Entry(key, first.keyRange(),
                        new Value.ListValue(List.copyOf(sameType), sameType.get(0).range().union(nested.range()))));
            }
        }
        return new Value.MapValue(entries, body.range());
    }

    /** One instance of a resource or module: its address suffix and the each/count it sees. */
    private record Instance(String suffix, Scope scope) {}

    /**
     * Instances decided from literals only (SPEC): count 0 or an empty for_each means none; known
     * values give one instance per index or key; anything else exists once, with no index.
     */
    private List<Instance> instances(Body.Block block, SourceFile file) {
        Body.Attribute count = block.body().attribute("count");
        Body.Attribute forEach = block.body().attribute("for_each");
        if (count != null) {
            Value n = Values.unwrap(literals.eval(count.value(), Scope.EMPTY, file));
            java.math.BigDecimal number = n instanceof Value.Number || n instanceof Value.Text
                    ? dev.trailwatch.terraform.functions.Conversions.number(n) : null;
            Budget.count(number, count.range(), file);
            // Not a whole number: Terraform rejects it, so the resource is judged once rather than dropped.
            if (number == null || number.signum() < 0 || number.compareTo(java.math.BigDecimal.valueOf(Budget.maxInstances())) > 0
                    || number.stripTrailingZeros().scale() > 0) {
                Value index = new Value.Unknown("count.index of a count not known statically", count.range());
                return List.of(new Instance("", Scope.EMPTY.with("count", object("index", index, count.range()))));
            }
            List<Instance> out = new ArrayList<>();
            for (int i = 0; i < number.intValue(); i++) {
                Value index = new Value.Number(Integer.toString(i), count.range());
                out.add(new Instance("[" + i + "]", Scope.EMPTY.with("count", object("index", index, count.range()))));
            }
            return out;
        }
        if (forEach != null) {
            Value collection = Values.unwrap(literals.eval(forEach.value(), Scope.EMPTY, file));
            Budget.instances(collection, "for_each", forEach.range(), file);
            List<Instance> out = new ArrayList<>();
            if (collection instanceof Value.MapValue map) {
                for (Value.Entry entry : map.entries().values()) {
                    out.add(eachInstance(entry.key(), entry.value(), forEach.range()));
                }
                return out;
            }
            if (collection instanceof Value.ListValue list) {
                for (Value item : list.items()) {
                    String key = Values.scalarText(item);
                    if (key == null) {
                        return List.of(unknownEach(forEach.range()));
                    }
                    out.add(eachInstance(key, item, forEach.range()));
                }
                return out;
            }
            return List.of(unknownEach(forEach.range()));
        }
        return List.of(new Instance("", Scope.EMPTY));
    }

    private static Instance eachInstance(String key, Value value, Range range) {
        Map<String, Value.Entry> each = new LinkedHashMap<>();
        each.put("key", new Value.Entry("key", range, new Value.Text(key, range)));
        each.put("value", new Value.Entry("value", range, value));
        return new Instance("[\"" + key + "\"]", Scope.EMPTY.with("each", new Value.MapValue(each, range)));
    }

    private static Instance unknownEach(Range range) {
        Value unknown = new Value.Unknown("for_each not known statically", range);
        Map<String, Value.Entry> each = new LinkedHashMap<>();
        each.put("key", new Value.Entry("key", range, unknown));
        each.put("value", new Value.Entry("value", range, unknown));
        return new Instance("", Scope.EMPTY.with("each", new Value.MapValue(each, range)));
    }

    private static Value object(String key, Value value, Range range) {
        Map<String, Value.Entry> entries = new LinkedHashMap<>();
        entries.put(key, new Value.Entry(key, range, value));
        return new Value.MapValue(entries, range);
    }

    // ---- regions ----

    /**
     * The region of a resource's AWS provider when it is a literal: its {@code provider = aws.ALIAS}
     * or the default {@code provider "aws"}, declared in this module or inherited from the caller.
     */
    private String region(Body.Block block, SourceFile file) {
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
        return providerRegion(alias);
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

    private String providerRegion(String alias) {
        for (Module.Declared p : module.providers) {
            Body.Attribute aliasAttribute = p.block().body().attribute("alias");
            String declaredAlias = aliasAttribute == null ? null
                    : Values.scalarText(literals.eval(aliasAttribute.value(), Scope.EMPTY, p.file()));
            if (p.label(0).equals("aws") && java.util.Objects.equals(alias, declaredAlias)) {
                Body.Attribute region = p.block().body().attribute("region");
                return region == null ? null : Values.scalarText(literals.eval(region.value(), Scope.EMPTY, p.file()));
            }
        }
        return inheritedRegion != null ? inheritedRegion.apply(alias) : null;
    }

    // ---- called modules ----

    /** The instances of a module call, or null when its source cannot be read. */
    private List<ModuleInstance> children(String name) {
        if (children.containsKey(name)) {
            return children.get(name);
        }
        children.put(name, null); // a call that reaches itself again while being built sees "cannot be read"
        List<ModuleInstance> built = buildChildren(name);
        children.put(name, built);
        return built;
    }

    private List<ModuleInstance> buildChildren(String name) {
        Module.Declared call = module.moduleCalls.get(name);
        Path dir = resolve(name, call);
        if (dir == null) {
            return null;
        }
        Path real = ModuleCycles.realPath(dir); // ./l1 linking to . is the same folder
        if (ancestors.contains(dir) || ancestors.contains(real)) {
            Body.Attribute source = call.block().body().attribute("source");
            errors.add(new InputError(call.file().displayPath(), (source != null ? source.range() : call.block().range())
                    .start(), "module " + name + " calls " + reader.paths().show(dir)
                    + ModuleCycles.through(dir, real, reader.paths().show(real))
                    + ", which is already calling it: a cycle of module calls"));
            return null;
        }
        Module child = reader.read(dir);
        Set<Path> chain = new HashSet<>(ancestors);
        chain.add(dir);
        chain.add(real);
        String key = callKey.isEmpty() ? name : callKey + "." + name;
        List<ModuleInstance> out = new ArrayList<>();
        for (Instance instance : instances(call.block(), call.file())) {
            Budget.moduleInstance(call.block().range(), call.file());
            Map<String, VariableValue> arguments = new LinkedHashMap<>();
            for (Body.Attribute argument : call.block().body().attributes()) {
                if (MODULE_META_ARGUMENTS.contains(argument.name())) {
                    continue;
                }
                arguments.put(argument.name(), new VariableValue(values.eval(argument.value(), instance.scope, call.file()),
                        call.file().locate(argument.range()), "argument " + argument.name() + " of " + prefix + "module."
                        + name));
            }
            ModuleInstance childInstance = new ModuleInstance(child, reader, arguments,
                    prefix + "module." + name + instance.suffix + ".", key, chain, manifest, errors);
            Map<String, String> passed = passedProviders(call.block());
            // providers = { aws = aws.west }: the child's provider configurations are the caller's, renamed.
            childInstance.inheritedRegion = passed == null ? this::providerRegion
                    : childAlias -> {
                        String childName = childAlias == null ? "aws" : "aws." + childAlias;
                        if (!passed.containsKey(childName)) {
                            // The default provider is inherited unless passed; an alias must be passed.
                            return childAlias == null ? providerRegion(null) : null;
                        }
                        return providerRegion(passed.get(childName));
                    };
            childInstance.caller = this;
            childInstance.localCall = isLocal(source(call));
            out.add(childInstance);
        }
        return out;
    }

    /** A local source relative to this folder, or a remote one that terraform init recorded. */
    private Path resolve(String name, Module.Declared call) {
        String source = source(call);
        if (source == null) {
            return null;
        }
        if (source.startsWith("./") || source.startsWith("../")) {
            Path dir = ModuleCycles.localFolder(module.dir, source);
            if (dir == null) {
                Body.Attribute at = call.block().body().attribute("source");
                errors.add(new InputError(call.file().displayPath(), at.range().start(), "module " + name
                        + ": the source cannot name a folder (it holds a character no path may hold)"));
            }
            return dir != null && Files.isDirectory(dir) ? dir : null;
        }
        String key = callKey.isEmpty() ? name : callKey + "." + name;
        return manifest.dir(key);
    }

    private static boolean isLocal(String source) {
        return source != null && (source.startsWith("./") || source.startsWith("../"));
    }

    private String source(Module.Declared call) {
        Body.Attribute source = call.block().body().attribute("source");
        if (source == null) {
            return null;
        }
        return source.value() instanceof Expression.Template t ? t.literalText() : null;
    }
}

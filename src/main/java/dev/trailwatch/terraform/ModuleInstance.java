package dev.trailwatch.terraform;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.InputError;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.hcl.Body;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A module evaluated in one context: its variables' values, its address prefix
 * ({@code module.audit.}), and the call that led to it. Locals, module outputs and policy
 * documents are evaluated on demand and remembered; the modules it calls are
 * {@link CalledModules}, its providers' regions {@link ProviderRegions}, the instances of its
 * blocks an {@link Expansion}.
 */
final class ModuleInstance {
    /**
     * How an instance was called: by which instance (null for the root), under which key in
     * terraform init's modules.json, whether with a local source path ({@code ./}, {@code ../})
     * rather than an installed remote module, and the provider regions it inherits.
     */
    record Call(ModuleInstance caller, String key, boolean local, UnaryOperator<String> inheritedRegions) {
        static final Call ROOT = new Call(null, "", false, ProviderRegions.NONE);
    }

    private final Module module;
    private final Map<String, VariableValue> inputs;
    private final String prefix;
    private final Call call;
    private final Evaluator values = new Evaluator(this, false);
    private final Evaluator literals = new Evaluator(this, true);
    private final ProviderRegions regions;
    private final CalledModules called;
    private final Map<String, Value> localValues = new HashMap<>();
    private final Map<String, Value> literalLocalValues = new HashMap<>();
    private final Set<String> evaluatingLocals = new HashSet<>();
    /** This instance's output values, evaluated once each: every reference to module.NAME reads them all. */
    private final Map<String, Value> outputValues = new HashMap<>();

    ModuleInstance(Module module, ModuleReader reader, Map<String, VariableValue> inputs, String prefix,
            Set<Path> ancestors, ModulesManifest manifest, List<InputError> errors, Call call) {
        this.module = module;
        this.inputs = inputs;
        this.prefix = prefix;
        this.call = call;
        this.regions = new ProviderRegions(module.providers, literals, call.inheritedRegions());
        this.called = new CalledModules(this, module, reader, ancestors, manifest, errors);
    }

    /** The root module of a configuration, with the values of its variables. */
    static ModuleInstance root(Module root, ModuleReader reader, Map<String, VariableValue> inputs,
            List<InputError> errors) {
        return new ModuleInstance(root, reader, inputs, "", ModuleCycles.rootChain(root.dir()),
                ModulesManifest.of(root.dir()), errors, Call.ROOT);
    }

    /**
     * An evaluator of literals in a root module's context, for values given outside it (tfvars,
     * --var): it calls no module and reads no variable.
     */
    static Evaluator literalEvaluator(Module root, List<InputError> errors) {
        return new ModuleInstance(root, null, Map.of(), "", Set.of(), ModulesManifest.NONE, errors, Call.ROOT).literals;
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
        return call.caller();
    }

    /** Whether this instance was called with a local source path ({@code ./…}, {@code ../…}). */
    boolean calledLocally() {
        return call.local();
    }

    String callKey() {
        return call.key();
    }

    Evaluator values() {
        return values;
    }

    Evaluator literals() {
        return literals;
    }

    ProviderRegions regions() {
        return regions;
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
        Module.Declared declared = module.moduleCalls.get(name);
        if (declared == null) {
            return new Value.Unknown("module " + name + " is not declared", at);
        }
        if (declared.block().body().attribute("count") != null
                || declared.block().body().attribute("for_each") != null) {
            return new Value.Unknown("outputs of module " + name + ", which has count or for_each, are not evaluated",
                    at);
        }
        List<ModuleInstance> instances = called.of(name);
        if (instances == null || instances.isEmpty()) {
            return new Value.Unknown("module " + name + " (" + CalledModules.source(declared) + ") could not be read",
                    at);
        }
        return instances.get(0).outputs(name, at);
    }

    /** This instance's outputs as the caller sees them through {@code module.CALL}. */
    private Value outputs(String callName, Range at) {
        Map<String, Value.Entry> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, Module.Declared> output : module.outputs.entrySet()) {
            Body.Attribute value = output.getValue().block().body().attribute("value");
            if (value == null) {
                continue;
            }
            SourceFile file = output.getValue().file();
            // Evaluated once: every reference to module.CALL would otherwise evaluate all its outputs again.
            Value evaluated = outputValues.get(output.getKey());
            if (evaluated == null) {
                evaluated = values.eval(value.value(), Scope.EMPTY, file);
                outputValues.put(output.getKey(), evaluated);
            }
            outputs.put(output.getKey(), new Value.Entry(output.getKey(), value.nameRange(),
                    new Value.Substituted(evaluated, at, file.locate(value.range()),
                            "output " + output.getKey() + " of module." + callName)));
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
            for (Expansion.Instance instance : Expansion.of(declared.block(), declared.file(), literals)) {
                Resource resource = resource(declared, instance);
                out.add(resource);
                owners.put(resource, this);
                extents.computeIfAbsent(declared.file(), f -> new LinkedHashMap<>()).put(resource, declared.block().range());
            }
        }
        for (Map.Entry<String, Module.Declared> moduleCall : module.moduleCalls.entrySet()) {
            // The call's block, as a target for comments: a suppression written there covers its findings.
            String name = moduleCall.getKey();
            Module.Declared declared = moduleCall.getValue();
            Resource block = new Resource("module", name, prefix + "module." + name,
                    declared.file().locate(header(declared.block())), null);
            extents.computeIfAbsent(declared.file(), f -> new LinkedHashMap<>()).put(block, declared.block().range());
            List<ModuleInstance> instances = called.of(name);
            if (instances != null) {
                for (ModuleInstance child : instances) {
                    child.collect(out, extents, owners);
                }
            }
        }
    }

    private Resource resource(Module.Declared declared, Expansion.Instance instance) {
        Body.Block block = declared.block();
        String type = declared.label(0);
        String name = declared.label(1);
        Range header = header(block);
        Value.MapValue properties = body(block.body(), instance.scope(), declared.file());
        return new Resource(type, name, prefix + type + "." + name + instance.suffix(), declared.file().locate(header),
                properties, null, regions.ofResource(block, declared.file()));
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
}

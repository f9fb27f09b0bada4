package dev.trailwatch.terraform;

import dev.trailwatch.source.InputError;
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
 * The instances of the modules one module instance calls, built on first use: the called folder
 * (a local path, or where terraform init installed a remote module), one child per count or
 * for_each instance of the call, with the call's arguments as its variables. A call that would
 * reach a module already calling it is reported as a cycle and not followed.
 */
final class CalledModules {
    private static final Set<String> MODULE_META_ARGUMENTS = Set.of("source", "version", "count", "for_each",
            "providers", "depends_on");

    private final ModuleInstance caller;
    private final Module module;
    private final ModuleReader reader;
    /** The folders of the modules whose calls led here, to detect a cycle. */
    private final Set<Path> ancestors;
    private final ModulesManifest manifest;
    private final List<InputError> errors;
    /** The instances of each call, by call name; null when the call's source cannot be read. */
    private final Map<String, List<ModuleInstance>> children = new HashMap<>();

    CalledModules(ModuleInstance caller, Module module, ModuleReader reader, Set<Path> ancestors,
            ModulesManifest manifest, List<InputError> errors) {
        this.caller = caller;
        this.module = module;
        this.reader = reader;
        this.ancestors = ancestors;
        this.manifest = manifest;
        this.errors = errors;
    }

    /** The instances of a module call, or null when its source cannot be read. */
    List<ModuleInstance> of(String name) {
        if (children.containsKey(name)) {
            return children.get(name);
        }
        children.put(name, null); // a call that reaches itself again while being built sees "cannot be read"
        List<ModuleInstance> built = build(name);
        children.put(name, built);
        return built;
    }

    /** The call's source when it is a literal, else null. */
    static String source(Module.Declared call) {
        Body.Attribute source = call.block().body().attribute("source");
        if (source == null) {
            return null;
        }
        return source.value() instanceof Expression.Template t ? t.literalText() : null;
    }

    private List<ModuleInstance> build(String name) {
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
        ModuleInstance.Call context = new ModuleInstance.Call(caller, callKey(name), isLocal(source(call)),
                caller.regions().passedBy(call.block()));
        List<ModuleInstance> out = new ArrayList<>();
        for (Expansion.Instance instance : Expansion.of(call.block(), call.file(), caller.literals())) {
            Budget.moduleInstance(call.block().range(), call.file());
            Map<String, VariableValue> arguments = new LinkedHashMap<>();
            for (Body.Attribute argument : call.block().body().attributes()) {
                if (MODULE_META_ARGUMENTS.contains(argument.name())) {
                    continue;
                }
                arguments.put(argument.name(), new VariableValue(caller.values().eval(argument.value(), instance.scope(),
                        call.file()), call.file().locate(argument.range()), "argument " + argument.name() + " of "
                        + caller.prefix() + "module." + name));
            }
            out.add(new ModuleInstance(child, reader, arguments, caller.prefix() + "module." + name + instance.suffix()
                    + ".", chain, manifest, errors, context));
        }
        return out;
    }

    /** The call's key in terraform init's modules.json: the names of the calls that lead to it. */
    private String callKey(String name) {
        return caller.callKey().isEmpty() ? name : caller.callKey() + "." + name;
    }

    /** A local source relative to this folder, or a remote one that terraform init recorded. */
    private Path resolve(String name, Module.Declared call) {
        String source = source(call);
        if (source == null) {
            return null;
        }
        if (isLocal(source)) {
            Path dir = ModuleCycles.localFolder(module.dir, source);
            if (dir == null) {
                Body.Attribute at = call.block().body().attribute("source");
                errors.add(new InputError(call.file().displayPath(), at.range().start(), "module " + name
                        + ": the source cannot name a folder (it holds a character no path may hold)"));
            }
            return dir != null && Files.isDirectory(dir) ? dir : null;
        }
        return manifest.dir(callKey(name));
    }

    private static boolean isLocal(String source) {
        return source != null && (source.startsWith("./") || source.startsWith("../"));
    }
}

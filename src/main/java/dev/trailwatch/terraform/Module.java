package dev.trailwatch.terraform;

import dev.trailwatch.source.InputError;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.hcl.Body;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the .tf and .tf.json files of one folder declare: a Terraform module. Blocks that do not
 * matter for the analysis (terraform, moved, import, check, removed) are parsed and ignored;
 * providers matter for their regions.
 */
public final class Module {
    /** A block and the file it is written in. */
    public record Declared(Body.Block block, SourceFile file) {
        public String label(int i) {
            return block.labels().size() > i ? block.labels().get(i).value() : "";
        }
    }

    /** An attribute and the file it is written in. */
    public record DeclaredAttribute(Body.Attribute attribute, SourceFile file) {}

    final Path dir;
    final Map<String, Declared> variables = new LinkedHashMap<>();
    final Map<String, DeclaredAttribute> locals = new LinkedHashMap<>();
    final List<Declared> resources = new ArrayList<>();
    final Map<String, Declared> dataSources = new LinkedHashMap<>();
    final Map<String, Declared> moduleCalls = new LinkedHashMap<>();
    final Map<String, Declared> outputs = new LinkedHashMap<>();
    final List<Declared> providers = new ArrayList<>();
    final List<SourceFile> files = new ArrayList<>();
    final List<InputError> errors = new ArrayList<>();

    Module(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Files of this folder that could not be read or parsed. */
    public List<InputError> errors() {
        return errors;
    }

    public List<SourceFile> files() {
        return files;
    }

    void add(SourceFile file, Body body) {
        files.add(file);
        for (Body.Block block : body.blocks()) {
            Declared declared = new Declared(block, file);
            switch (block.type()) {
                case "variable" -> variables.put(declared.label(0), declared);
                case "locals" -> {
                    for (Body.Attribute attribute : block.body().attributes()) {
                        locals.put(attribute.name(), new DeclaredAttribute(attribute, file));
                    }
                }
                case "resource" -> resources.add(declared);
                case "data" -> dataSources.put(declared.label(0) + "." + declared.label(1), declared);
                case "module" -> moduleCalls.put(declared.label(0), declared);
                case "output" -> outputs.put(declared.label(0), declared);
                case "provider" -> providers.add(declared);
                default -> { } // terraform, moved, import, check, removed: nothing to evaluate
            }
        }
    }
}

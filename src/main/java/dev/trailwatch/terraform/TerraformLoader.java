package dev.trailwatch.terraform;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.source.InputError;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.document.InlineSuppressions;
import dev.trailwatch.model.Suppression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A root module, with every module it calls, as the format-neutral resource model. */
public final class TerraformLoader {
    private TerraformLoader() {}

    /** A loaded configuration: its model, and the module instance that declares each resource. */
    record Loaded(ResourceModel model, Map<Resource, ModuleInstance> owners) {}

    public static ResourceModel load(Path rootDir, ModuleReader reader, VariableInputs variables,
            List<InputError> errors) {
        return loadInstances(rootDir, reader, variables, errors).model();
    }

    static Loaded loadInstances(Path rootDir, ModuleReader reader, VariableInputs variables,
            List<InputError> errors) {
        Module root = reader.read(rootDir);
        Map<String, VariableValue> inputs = variables.forRoot(root, errors, reader::override);
        ModuleInstance instance = ModuleInstance.root(root, reader, inputs, errors);
        List<Resource> resources = new ArrayList<>();
        Map<SourceFile, Map<Resource, Range>> extents = new LinkedHashMap<>();
        Map<Resource, ModuleInstance> owners = new java.util.HashMap<>();
        instance.collect(resources, extents, owners);
        List<Suppression> suppressions = new ArrayList<>();
        for (Map.Entry<SourceFile, Map<Resource, Range>> file : extents.entrySet()) {
            suppressions.addAll(InlineSuppressions.scan(file.getKey(), reader.comments(file.getKey()), file.getValue()));
        }
        return new Loaded(TerraformResources.model(resources, suppressions), owners);
    }

    /** A model of resources that carry no suppressions (a plan: JSON has no comments). */
    static ResourceModel model(List<Resource> resources) {
        return TerraformResources.model(resources, List.of());
    }
}

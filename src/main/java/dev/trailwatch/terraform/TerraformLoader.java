package dev.trailwatch.terraform;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.source.InputError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A root module, with every module it calls, as the format-neutral resource model. */
public final class TerraformLoader {
    static final String TRAIL_TYPE = "aws_cloudtrail";

    private TerraformLoader() {}

    public static ResourceModel load(Path rootDir, ModuleReader reader, VariableInputs variables,
            List<InputError> errors) {
        Module root = reader.read(rootDir);
        Map<String, VariableValue> inputs = variables.forRoot(root, errors);
        ModuleInstance instance = new ModuleInstance(root, reader, inputs, "", "", Set.of(root.dir()),
                ModulesManifest.of(root.dir()), errors);
        List<Resource> resources = new ArrayList<>();
        instance.collect(resources);
        return model(resources);
    }

    static ResourceModel model(List<Resource> resources) {
        List<Trail> trails = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource.type().equals(TRAIL_TYPE)) {
                trails.add(new Trail(resource,
                        new Attribute("cloud_watch_logs_group_arn", resource.property("cloud_watch_logs_group_arn")),
                        new Attribute("cloud_watch_logs_role_arn", resource.property("cloud_watch_logs_role_arn")),
                        new Attribute("enable_logging", resource.property("enable_logging"))));
            }
        }
        return new ResourceModel(List.copyOf(resources), List.copyOf(trails));
    }
}

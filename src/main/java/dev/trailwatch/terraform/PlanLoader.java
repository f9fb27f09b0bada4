package dev.trailwatch.terraform;

import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Location;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.hcl.Body;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Terraform plan in JSON ({@code terraform show -json}) as the resource model: the managed
 * resources of {@code planned_values} (root and child modules) with their planned values, where
 * an attribute {@code after_unknown} marks is unknown. Findings point into the plan file.
 */
public final class PlanLoader {
    private PlanLoader() {}

    /** Whether a JSON text is a plan: {@code format_version} with {@code planned_values} or {@code resource_changes}. */
    public static boolean isPlan(String text) {
        return text.contains("\"format_version\"")
                && (text.contains("\"planned_values\"") || text.contains("\"resource_changes\""));
    }

    /**
     * The plan's model, or null when the JSON turns out not to be a plan. When the root
     * configuration's .tf files are beside the plan, each root resource also names where it is
     * declared there.
     */
    public static ResourceModel load(SourceFile file, DisplayPaths paths) throws InputException {
        return load(file, DocumentParser.parseJson(file.text()), paths);
    }

    /** Whether a parsed JSON document is a plan. */
    public static boolean isPlan(Value root) {
        return root instanceof Value.MapValue plan && plan.get("format_version") != null
                && (plan.get("planned_values") != null || plan.get("resource_changes") != null);
    }

    /** The model of a plan already parsed, or null when the document is not a plan. */
    public static ResourceModel load(SourceFile file, Value root, DisplayPaths paths) {
        if (!(root instanceof Value.MapValue plan) || plan.get("format_version") == null) {
            return null;
        }
        Map<String, Value.MapValue> unknownByAddress = afterUnknown(plan);
        List<Resource> resources = new ArrayList<>();
        if (plan.get("planned_values") instanceof Value.MapValue planned
                && planned.get("root_module") instanceof Value.MapValue module) {
            collect(module, file, unknownByAddress, resources);
        }
        Path folder = file.path().toAbsolutePath().getParent();
        if (folder != null && ModuleReader.isModuleFolder(folder)) {
            resources = withSourceDeclarations(resources, new ModuleReader(paths, Long.MAX_VALUE).read(folder));
        }
        return TerraformLoader.model(resources);
    }

    private static void collect(Value.MapValue module, SourceFile file, Map<String, Value.MapValue> unknown,
            List<Resource> out) {
        if (module.get("resources") instanceof Value.ListValue resources) {
            for (Value item : resources.items()) {
                if (item instanceof Value.MapValue resource && "managed".equals(Values.scalarText(resource.get("mode")))) {
                    Resource r = resource(resource, file, unknown);
                    if (r != null) {
                        out.add(r);
                    }
                }
            }
        }
        if (module.get("child_modules") instanceof Value.ListValue children) {
            for (Value child : children.items()) {
                if (child instanceof Value.MapValue childModule) {
                    collect(childModule, file, unknown, out);
                }
            }
        }
    }

    private static Resource resource(Value.MapValue resource, SourceFile file, Map<String, Value.MapValue> unknown) {
        String address = Values.scalarText(resource.get("address"));
        String type = Values.scalarText(resource.get("type"));
        String name = Values.scalarText(resource.get("name"));
        if (address == null || type == null || name == null) {
            return null;
        }
        Value.Entry addressEntry = resource.entry("address");
        Range declaration = addressEntry.keyRange().union(addressEntry.value().range());
        Map<String, Value.Entry> properties = new LinkedHashMap<>();
        Value values = resource.get("values");
        if (values instanceof Value.MapValue map) {
            properties.putAll(map.entries());
        }
        Value.MapValue afterUnknown = unknown.get(address);
        if (afterUnknown != null) {
            for (Value.Entry marked : afterUnknown.entries().values()) {
                if (Values.unwrap(marked.value()) instanceof Value.Bool b && b.value()) {
                    Value.Entry planned = properties.get(marked.key());
                    Range at = planned != null ? planned.value().range() : marked.value().range();
                    Range keyAt = planned != null ? planned.keyRange() : marked.keyRange();
                    properties.put(marked.key(), new Value.Entry(marked.key(), keyAt,
                            new Value.Unknown(marked.key() + " is known only after apply", at)));
                }
            }
        }
        Range whole = values != null ? values.range() : resource.range();
        return new Resource(type, name, address, file.locate(declaration), new Value.MapValue(properties, whole));
    }

    private static List<Resource> withSourceDeclarations(List<Resource> resources, Module configuration) {
        Map<String, Location> declared = new HashMap<>();
        for (Module.Declared block : configuration.resources) {
            Body.Block b = block.block();
            declared.put(block.label(0) + "." + block.label(1), block.file().locate(b.typeRange()));
        }
        List<Resource> located = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            // Root-module addresses only: type.name, with an optional [index].
            String base = r.address().replaceFirst("\\[.*]$", "");
            Location source = r.address().startsWith("module.") ? null : declared.get(base);
            located.add(source == null ? r
                    : new Resource(r.type(), r.name(), r.address(), r.declaration(), r.properties(), source, null));
        }
        return located;
    }

    /** resource_changes[].change.after_unknown by resource address. */
    private static Map<String, Value.MapValue> afterUnknown(Value.MapValue plan) {
        Map<String, Value.MapValue> byAddress = new HashMap<>();
        if (plan.get("resource_changes") instanceof Value.ListValue changes) {
            for (Value item : changes.items()) {
                if (item instanceof Value.MapValue change && change.get("change") instanceof Value.MapValue c
                        && c.get("after_unknown") instanceof Value.MapValue unknown) {
                    String address = Values.scalarText(change.get("address"));
                    if (address != null) {
                        byAddress.put(address, unknown);
                    }
                }
            }
        }
        return byAddress;
    }
}

package dev.trailwatch.terraform;

import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where {@code terraform init} put remote modules: {@code .terraform/modules/modules.json} of a
 * root module, keyed by call path ({@code audit}, {@code audit.logs}). Without it, remote
 * modules' outputs are unknown.
 */
final class ModulesManifest {
    static final ModulesManifest NONE = new ModulesManifest(Map.of());

    private final Map<String, Path> dirs;

    private ModulesManifest(Map<String, Path> dirs) {
        this.dirs = dirs;
    }

    static ModulesManifest of(Path root) {
        Path file = root.resolve(".terraform/modules/modules.json");
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            Value manifest = DocumentParser.parseJson(dev.trailwatch.source.SourceFile.decodeUtf8(
                    dev.trailwatch.source.SourceFile.readBytes(file, 64L * 1024 * 1024)));
            Map<String, Path> dirs = new HashMap<>();
            if (manifest instanceof Value.MapValue map && map.get("Modules") instanceof Value.ListValue modules) {
                for (Value module : modules.items()) {
                    if (module instanceof Value.MapValue m) {
                        String key = Values.scalarText(m.get("Key"));
                        String dir = Values.scalarText(m.get("Dir"));
                        Path folder = dir == null ? null : ModuleCycles.localFolder(root, dir);
                        if (key != null && folder != null && !key.isEmpty()) {
                            dirs.put(key, folder);
                        }
                    }
                }
            }
            return new ModulesManifest(dirs);
        } catch (InputException e) {
            return NONE; // a manifest that cannot be read leaves remote modules unknown, as no manifest does
        }
    }

    /** The folder of a remote module call, or null when it was not installed. */
    Path dir(String key) {
        Path dir = dirs.get(key);
        return dir != null && Files.isDirectory(dir) ? dir : null;
    }
}

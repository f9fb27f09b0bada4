package dev.trailwatch.terraform;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.InputError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the Terraform folders a scan reached. Each folder is evaluated whole (a file named alone
 * is read with its module's other files), through the root configurations that call it; a folder
 * called as a module is not loaded again as a root. What is reported of a root's model: the
 * resources declared in the folders that were scanned and in the local modules those call.
 */
public final class TerraformFolders {
    /**
     * One root configuration's model; {@code reported} its resources whose findings count,
     * {@code reportedAddresses} their addresses.
     */
    public record Configuration(Path root, ResourceModel model, List<InputError> errors, List<Resource> reported,
            Set<String> reportedAddresses, Set<Path> scanned, java.util.function.Predicate<Path> excluded,
            DisplayPaths paths) {

        /** Whether a finding at this file about this resource belongs to the scan. */
        public boolean reports(String displayedFile, String resourceAddress) {
            Path file = paths.workingDirectory().resolve(displayedFile).normalize();
            return scanned.contains(file.getParent())
                    || reportedAddresses.contains(resourceAddress) && !excluded.test(file);
        }
    }

    private final ModuleReader reader;
    private final VariableInputs variables;
    private final ModuleCallers callers;
    private final java.util.function.Predicate<Path> excluded;

    /**
     * {@code overrides}: files whose text is not on disk (an unsaved buffer from standard input);
     * {@code excluded}: paths whose module calls do not count.
     */
    public TerraformFolders(DisplayPaths paths, long maxFileSize, VariableInputs variables,
            java.util.Map<Path, dev.trailwatch.source.SourceFile> overrides, java.util.function.Predicate<Path> excluded) {
        this.reader = new ModuleReader(paths, maxFileSize, overrides);
        this.variables = variables;
        this.callers = new ModuleCallers(paths.workingDirectory(), excluded);
        this.excluded = excluded;
    }

    /** The root configurations through which the given folders are analysed. */
    public Set<Path> roots(Set<Path> folders) {
        Set<Path> roots = new LinkedHashSet<>();
        for (Path folder : folders) {
            roots.addAll(callers.rootsOf(folder));
        }
        return roots;
    }

    /**
     * Evaluates one root. Reported: what lies in {@code scanned} folders, and what
     * lies in the local modules they call (through local calls only, however deep), since a
     * caller's arguments or tfvars can break a trail there; not installed remote modules.
     */
    public Configuration load(Path root, Set<Path> scanned) {
        List<InputError> errors = new ArrayList<>();
        TerraformLoader.Loaded loaded;
        // The modules this configuration reads are dropped once it is loaded, unless another is loading too.
        try (ModuleReader.Session session = reader.session()) {
            loaded = Budget.run(() -> TerraformLoader.loadInstances(root, reader, variables, errors));
        } catch (Budget.Exceeded e) {
            // Past a budget the configuration is not evaluated further: its error, and no findings.
            errors.add(e.error());
            return new Configuration(root, ResourceModel.empty(), errors, List.of(), Set.of(), scanned, excluded,
                    reader.paths());
        }
        ResourceModel model = loaded.model();
        Map<ModuleInstance, Boolean> reportedInstances = new HashMap<>();
        List<Resource> reported = new ArrayList<>();
        Set<String> reportedAddresses = new HashSet<>();
        for (Resource resource : model.resources()) {
            ModuleInstance owner = loaded.owners().get(resource);
            if (isIn(resource.declaration().file(), scanned)
                    || owner != null && reported(owner, scanned, reportedInstances)) {
                reported.add(resource);
                reportedAddresses.add(resource.address());
            }
        }
        return new Configuration(root, model, errors, reported, reportedAddresses, scanned, excluded, reader.paths());
    }

    /**
     * A module instance is reported when its folder was scanned, or when a reported instance
     * called it with a local source and its folder is neither excluded nor inside .terraform.
     */
    private boolean reported(ModuleInstance instance, Set<Path> scanned, Map<ModuleInstance, Boolean> memo) {
        Boolean known = memo.get(instance);
        if (known != null) {
            return known;
        }
        Path dir = instance.dir().toAbsolutePath().normalize();
        boolean result = scanned.contains(dir);
        if (!result && instance.caller() != null && instance.calledLocally() && !excluded.test(dir)
                && !installed(dir)) {
            result = reported(instance.caller(), scanned, memo);
        }
        memo.put(instance, result);
        return result;
    }

    /** Whether a folder lies under a .terraform folder, where terraform init installs modules. */
    private static boolean installed(Path dir) {
        for (Path part : dir) {
            if (part.toString().equals(".terraform")) {
                return true;
            }
        }
        return false;
    }

    /** Parse errors of the scanned folders' files (each folder read once, whoever calls it). */
    public List<InputError> folderErrors(Path folder) {
        return reader.summary(folder).errors();
    }

    public int fileCount(Path folder) {
        return reader.summary(folder).fileCount();
    }

    private boolean isIn(String displayedFile, Set<Path> scanned) {
        Path file = reader.paths().workingDirectory().resolve(displayedFile).normalize();
        return scanned.contains(file.getParent());
    }
}

package dev.trailwatch.cloudformation;


import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import java.util.regex.Pattern;

/**
 * Decides by content whether a JSON/YAML file is a CloudFormation template and loads it. A file
 * that does not parse is an error only when its beginning marks it as a template, so a broken
 * {@code tsconfig.json} or Helm chart never blocks a commit.
 */
public final class CloudFormationInput {
    /** How much of a broken file is looked at to decide whether it was meant as a template. */
    public static final int SNIFF_CHARS = 4096;

    private static final Pattern TEMPLATE_MARK = Pattern.compile(
            "AWSTemplateFormatVersion|[\"']?Type[\"']?\\s*:\\s*[\"']?(AWS|Custom)::");

    private CloudFormationInput() {}

    /**
     * Cheap test before parsing: a template must contain one of these words somewhere, so files
     * without them are skipped without being parsed.
     */
    public static boolean mayBeTemplate(String text) {
        return text.contains("AWSTemplateFormatVersion") || text.contains("AWS::") || text.contains("Custom::");
    }

    /** Whether the beginning of a file that failed to parse marks it as a template. */
    public static boolean marksTemplate(String text) {
        String head = text.length() > SNIFF_CHARS ? text.substring(0, SNIFF_CHARS) : text;
        return TEMPLATE_MARK.matcher(head).find();
    }

    /**
     * The model of the file, or null when it is not a template.
     *
     * @throws InputException when the file is broken and marked as a template, or is a template
     *     CloudFormation would reject while reading it
     */
    public static ResourceModel read(SourceFile file, ParameterValues parameters) throws InputException {
        String text = file.text();
        if (!mayBeTemplate(text)) {
            return null;
        }
        Value root;
        try {
            root = CloudFormationYaml.parse(text);
        } catch (InputException e) {
            if (marksTemplate(text)) {
                throw e;
            }
            return null;
        }
        return read(file, root, parameters);
    }

    /** The model of a document already parsed, or null when it is not a template. */
    public static ResourceModel read(SourceFile file, Value root, ParameterValues parameters) {
        return TemplateLoader.isTemplate(root) ? TemplateLoader.load(file, (Value.MapValue) root, parameters) : null;
    }
}

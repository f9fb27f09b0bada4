package dev.trailwatch.document;

import dev.trailwatch.model.Value;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Position;
import dev.trailwatch.source.Range;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML as YAML itself defines it, for trailwatch's own files (the project file): aliases, merge
 * keys ({@code <<}) and standard tags are fine here, unlike in a CloudFormation template. Every
 * value keeps its position. Aliases are bounded (at most {@link #MAX_ALIASES} per document), as is
 * nesting, so an alias bomb is an error, not a hang.
 */
public final class PlainYaml {
    static final int MAX_ALIASES = 100;
    private static final int MAX_DEPTH = 100;
    /** Values an alias may expand to in all: a few aliases nested can otherwise mean billions. */
    static final int MAX_VALUES = 100_000;

    private int values;

    private PlainYaml() {}

    /** The document's root value, or null for an empty document. */
    public static Value parse(String text) throws InputException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            return root == null ? null : new PlainYaml().value(root, 0);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InputException(problem.strip(), mark == null ? null : position(mark));
        } catch (YAMLException e) {
            throw new InputException(e.getMessage().lines().findFirst().orElse("not valid YAML"), null);
        }
    }

    private Value value(Node node, int depth) throws InputException {
        Range range = new Range(position(node.getStartMark()), position(node.getEndMark()));
        if (++values > MAX_VALUES) {
            throw new InputException("more than " + MAX_VALUES + " values once aliases are expanded", range.start());
        }
        if (depth > MAX_DEPTH) {
            throw new InputException("nested too deeply (more than " + MAX_DEPTH + " levels)", range.start());
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, range);
        }
        if (node instanceof SequenceNode sequence) {
            List<Value> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(value(item, depth + 1));
            }
            return new Value.ListValue(List.copyOf(items), range);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, Value.Entry> entries = new LinkedHashMap<>();
        List<Value.Entry> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (Tag.MERGE.equals(keyNode.getTag())) {
                // << merges the entries of a mapping (or of a list of mappings) that the mapping does not set itself.
                Node merge = tuple.getValueNode();
                List<Node> sources = merge instanceof SequenceNode s ? s.getValue() : List.of(merge);
                for (Node source : sources) {
                    if (!(value(source, depth + 1) instanceof Value.MapValue map)) {
                        throw new InputException("a merge key (<<) takes a mapping or a list of mappings",
                                position(source.getStartMark()));
                    }
                    merged.addAll(map.entries().values());
                }
                continue;
            }
            if (!(keyNode instanceof ScalarNode key)) {
                throw new InputException("a key must be a plain value", position(keyNode.getStartMark()));
            }
            Range keyRange = new Range(position(key.getStartMark()), position(key.getEndMark()));
            entries.put(key.getValue(), new Value.Entry(key.getValue(), keyRange, value(tuple.getValueNode(), depth + 1)));
        }
        for (Value.Entry entry : merged) {
            entries.putIfAbsent(entry.key(), entry);
        }
        return new Value.MapValue(entries, range);
    }

    /** A scalar as YAML's core schema reads it: null, booleans and numbers by their implicit tags. */
    private static Value scalar(ScalarNode scalar, Range range) {
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        if (Tag.NULL.equals(tag)) {
            return new Value.Null(range);
        }
        if (Tag.BOOL.equals(tag)) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            return new Value.Bool(lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y"),
                    range);
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return new Value.Number(text.replace("_", ""), range);
        }
        return new Value.Text(text, range);
    }

    private static Position position(Mark mark) {
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}

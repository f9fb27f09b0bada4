package dev.trailwatch.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.trailwatch.model.Value;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Position;
import dev.trailwatch.source.Range;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads a JSON or YAML document into a {@link Value} tree that keeps every node's range. YAML
 * is read in a {@link YamlDialect}, which says what tags mean and whose rules refuse aliases,
 * merge keys, tags on keys and several documents; a duplicate key is an error at its position.
 */
public final class DocumentParser {
    static final int MAX_NESTING = 500;
    private static final int MAX_DOCUMENT_CHARS = Integer.MAX_VALUE;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(MAX_DOCUMENT_CHARS)
                    .maxNumberLength(10_000)
                    .build())
            .build();

    private static final YamlEventParser.Factory YAML = new YamlEventParser.Factory(yamlOptions());

    /** YAML core-schema tags, which change nothing. */
    private static final Set<String> CORE_TAGS = Set.of(
            "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
            "tag:yaml.org,2002:seq");

    /** {@code !} alone: "a string", allowed anywhere. */
    private static final String NON_SPECIFIC_TAG = "!";

    private DocumentParser() {}

    private static LoaderOptions yamlOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setAllowDuplicateKeys(true); // reported by us, with both positions
        return options;
    }

    /** JSON when the first non-blank character opens an object or array, whatever the file's name. */
    public static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** JSON or YAML by the first character, YAML read in the given dialect. */
    public static Value parse(String text, YamlDialect dialect) throws InputException {
        return looksLikeJson(text) ? parseJson(text) : parseYaml(text, dialect);
    }

    public static Value parseJson(String text) throws InputException {
        return parseJson(text, false);
    }

    /**
     * JSON; with {@code keepDuplicates}, a key written twice in one object is kept twice (the
     * second under an internal map key, its {@link Value.Entry#key()} unchanged), as HCL's JSON
     * syntax allows for blocks.
     */
    public static Value parseJson(String text, boolean keepDuplicates) throws InputException {
        JsonParser parser = null;
        try {
            parser = JSON.createParser(text);
            Reader reader = new Reader(parser, null, null);
            reader.keepDuplicates = keepDuplicates;
            return reader.document();
        } catch (StreamConstraintsException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw new InputException(ReaderMessages.constraint(e, MAX_NESTING), position(at));
        } catch (JsonProcessingException e) {
            throw new InputException(jsonMessage(e), position(e.getLocation()));
        } catch (IOException e) {
            throw new InputException(e.getMessage());
        } finally {
            closeQuietly(parser);
        }
    }

    /** Jackson's message without the parenthesised source description it sometimes appends. */
    private static String jsonMessage(JsonProcessingException e) {
        String message = ReaderMessages.withoutSource(e.getOriginalMessage());
        int source = message.indexOf(" (for ");
        return source > 0 ? message.substring(0, source) : message;
    }

    public static Value parseYaml(String text, YamlDialect dialect) throws InputException {
        ReaderMessages.checkYamlLineLengths(text);
        YamlEventParser parser = null;
        try {
            parser = YAML.parserOver(text);
            Reader reader = new Reader(parser, parser, dialect);
            return reader.document();
        } catch (StreamConstraintsException e) {
            throw new InputException(ReaderMessages.constraint(e, MAX_NESTING), position(e.getLocation()));
        } catch (IOException | RuntimeException e) {
            InputException unreadable = ReaderMessages.unreadableCharacter(e, text);
            if (unreadable != null) {
                throw unreadable;
            }
            MarkedYAMLException marked = parser == null ? null : parser.syntaxError();
            if (marked != null) {
                throw yamlSyntaxError(marked);
            }
            if (e instanceof JsonProcessingException jpe) {
                String message = jsonMessage(jpe);
                if (message.startsWith("Expected a field name")) {
                    message = "a mapping key must be a plain value, not a list or a mapping";
                }
                throw new InputException(message, position(jpe.getLocation()));
            }
            if (e instanceof RuntimeException && !(e instanceof org.yaml.snakeyaml.error.YAMLException)) {
                throw (RuntimeException) e;
            }
            throw new InputException(e.getMessage().lines().findFirst().orElse("invalid YAML"));
        } finally {
            closeQuietly(parser);
        }
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // reading from a string: closing cannot lose anything
            }
        }
    }

    private static InputException yamlSyntaxError(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
        if (problem.contains("Nesting Depth exceeded") || problem.contains("nesting depth")) {
            problem = "nested too deeply (more than " + MAX_NESTING + " levels)";
        } else if (e.getContext() != null) {
            problem = e.getContext() + ": " + problem;
        }
        return new InputException(problem.replace('\n', ' ').trim(), mark == null ? null
                : new Position(mark.getLine() + 1, mark.getColumn() + 1));
    }

    private static Position position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /** One pass over the token stream; {@code yaml} is the same parser when reading YAML. */
    private static final class Reader {
        private final JsonParser parser;
        private final YamlEventParser yaml;
        private final YamlDialect dialect;
        private boolean keepDuplicates;

        Reader(JsonParser parser, YamlEventParser yaml, YamlDialect dialect) {
            this.parser = parser;
            this.yaml = yaml;
            this.dialect = dialect;
        }

        Value document() throws IOException, InputException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            Value root = value(first, 1);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new InputException(yaml != null
                        ? "more than one YAML document: " + dialect.documentName() + " is a single document"
                        : "unexpected content after the end of the JSON document", start());
            }
            return root;
        }

        private Value value(JsonToken token, int depth) throws IOException, InputException {
            if (depth > MAX_NESTING) {
                throw new InputException("nested too deeply (more than " + MAX_NESTING + " levels)", start());
            }
            String tag = yaml == null ? null : tag();
            if (yaml != null && yaml.isCurrentAlias()) {
                throw new InputException("YAML alias *" + parser.getText()
                        + " is not allowed: " + dialect.refusedBy() + " does not accept aliases", start());
            }
            Position start = start();
            Value plain = switch (token) {
                case START_OBJECT -> map(start, depth);
                case START_ARRAY -> list(start, depth);
                case VALUE_STRING -> isEmptyPlainScalar()
                        ? new Value.Null(new Range(start, end()))
                        : new Value.Text(parser.getText(), new Range(start, end()));
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Value.Number(parser.getText(), new Range(start, end()));
                case VALUE_TRUE -> new Value.Bool(true, new Range(start, end()));
                case VALUE_FALSE -> new Value.Bool(false, new Range(start, end()));
                case VALUE_NULL -> new Value.Null(new Range(start, end()));
                case VALUE_EMBEDDED_OBJECT -> throw new InputException(
                        "binary (!!binary) values are not allowed in " + dialect.documentName(), start);
                default -> throw new InputException("unexpected " + token, start);
            };
            if (tag == null || tag.equals(NON_SPECIFIC_TAG) || CORE_TAGS.contains(tag)) {
                return plain;
            }
            // A tagged scalar that YAML read as a number or boolean is still the tag's argument text.
            if (plain instanceof Value.Number || plain instanceof Value.Bool || plain instanceof Value.Null) {
                String text = plain instanceof Value.Null ? "" : parser.getText();
                plain = new Value.Text(text, plain.range());
            }
            return dialect.tagged(tag, plain);
        }

        private Value map(Position start, int depth) throws IOException, InputException {
            boolean block = blockCollection();
            Value last = null;
            Map<String, Value.Entry> entries = new LinkedHashMap<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Position keyStart = start();
                Range keyRange = new Range(keyStart, yaml != null ? end()
                        // Jackson has read past the colon by now; a key is written as "name" on one line.
                        : new Position(keyStart.line(), keyStart.column() + key.length() + 2));
                if (yaml != null) {
                    checkYamlKey(key, keyStart);
                }
                Value value = value(parser.nextToken(), depth + 1);
                last = value;
                Value.Entry previous = entries.get(key);
                String mapKey = key;
                if (previous != null) {
                    if (!keepDuplicates) {
                        throw new InputException("duplicate key '" + key + "' (first at line "
                                + previous.keyRange().start().line() + ")", keyStart);
                    }
                    mapKey = key + "\u0000" + entries.size();
                }
                entries.put(mapKey, new Value.Entry(key, keyRange, value));
            }
            if (token != JsonToken.END_OBJECT) {
                throw new InputException("unexpected end of document inside a mapping", start());
            }
            return new Value.MapValue(entries, new Range(start, collectionEnd(block, last)));
        }

        private void checkYamlKey(String key, Position at) throws InputException {
            Event event = yaml.lastEvent();
            if (event instanceof ScalarEvent scalar) {
                if (scalar.getTag() != null && !scalar.getTag().equals(NON_SPECIFIC_TAG)) {
                    throw new InputException("tag " + scalar.getTag()
                            + " on a mapping key: " + dialect.refusedBy() + " does not accept tags on keys", at);
                }
                if ("<<".equals(key) && scalar.isPlain()) {
                    throw new InputException("YAML merge key '<<' is not allowed: " + dialect.refusedBy()
                            + " does not accept merge keys", at);
                }
            }
            if (yaml.isCurrentAlias()) {
                throw new InputException("YAML alias *" + key + " is not allowed: " + dialect.refusedBy()
                        + " does not accept aliases", at);
            }
        }

        private Value list(Position start, int depth) throws IOException, InputException {
            boolean block = blockCollection();
            List<Value> items = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new InputException("unexpected end of document inside a list", start());
                }
                items.add(value(token, depth + 1));
            }
            return new Value.ListValue(items, new Range(start,
                    collectionEnd(block, items.isEmpty() ? null : items.get(items.size() - 1))));
        }

        /** Whether the collection just started is a YAML block one (indented lines, not {...} or [...]). */
        private boolean blockCollection() {
            return yaml != null && yaml.lastEvent() instanceof org.yaml.snakeyaml.events.CollectionStartEvent c
                    && !c.isFlow();
        }

        /**
         * Where a collection ends: after its last item for a YAML block collection, whose end
         * SnakeYAML marks at the next token (the following line's indentation); else its end mark.
         */
        private Position collectionEnd(boolean block, Value last) {
            return block && last != null ? last.range().end() : end();
        }

        /** {@code Key:} with nothing after it is null in YAML, unlike {@code Key: ""}. */
        private boolean isEmptyPlainScalar() {
            return yaml != null && yaml.lastEvent() instanceof ScalarEvent scalar && scalar.isPlain()
                    && scalar.getValue().isEmpty() && scalar.getTag() == null;
        }

        private String tag() {
            Event event = yaml.lastEvent();
            if (event instanceof ScalarEvent scalar) {
                return scalar.getTag();
            }
            if (event instanceof org.yaml.snakeyaml.events.CollectionStartEvent collection) {
                return collection.getTag();
            }
            return null;
        }

        private Position start() {
            if (yaml != null) {
                Event event = yaml.lastEvent();
                if (event != null) {
                    Mark mark = event.getStartMark();
                    return new Position(mark.getLine() + 1, mark.getColumn() + 1);
                }
            }
            JsonLocation location = parser.currentTokenLocation();
            return new Position(location.getLineNr(), location.getColumnNr());
        }

        private Position end() {
            if (yaml != null) {
                Event event = yaml.lastEvent();
                if (event != null) {
                    Mark mark = event.getEndMark();
                    return new Position(mark.getLine() + 1, mark.getColumn() + 1);
                }
            }
            JsonLocation location = parser.currentLocation();
            return new Position(location.getLineNr(), location.getColumnNr());
        }
    }
}

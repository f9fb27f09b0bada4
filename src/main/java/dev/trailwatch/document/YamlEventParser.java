package dev.trailwatch.document;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Reader;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Jackson's YAML parser, keeping the YAML event behind each token: Jackson's token stream
 * hides where a node starts and ends, tags on keys and the failing mark of a syntax error,
 * which a template loader must report.
 */
final class YamlEventParser extends YAMLParser {
    private Event lastEvent;
    private MarkedYAMLException syntaxError;

    private YamlEventParser(IOContext ctxt, int parserFeatures, int yamlFeatures, LoaderOptions options, Reader reader) {
        super(ctxt, parserFeatures, yamlFeatures, options, null, reader);
    }

    /** Over a text in memory, read in linear time (see {@link TextStreamReader}). */
    private YamlEventParser(IOContext ctxt, int parserFeatures, int yamlFeatures, LoaderOptions options, String text) {
        super(ctxt, parserFeatures, yamlFeatures, null, new StringReader(text),
                new ParserImpl(new TextStreamReader(text), options));
    }

    @Override
    protected Event getEvent() {
        try {
            lastEvent = super.getEvent();
            return lastEvent;
        } catch (MarkedYAMLException e) {
            syntaxError = e;
            throw e;
        }
    }

    /** The event the current token was made from. */
    Event lastEvent() {
        return lastEvent;
    }

    /** The SnakeYAML error behind the last failure, with its mark, if there was one. */
    MarkedYAMLException syntaxError() {
        return syntaxError;
    }

    /** A factory whose parsers are {@link YamlEventParser}s. */
    static final class Factory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        Factory(LoaderOptions options) {
            super(YAMLFactory.builder().loaderOptions(options));
        }

        @Override
        protected YAMLParser _createParser(Reader r, IOContext ctxt) {
            return new YamlEventParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, r);
        }

        /** A parser over a text already in memory. */
        YamlEventParser parserOver(String text) {
            IOContext ctxt = _createContext(_createContentReference(text), false);
            return new YamlEventParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, text);
        }
    }
}

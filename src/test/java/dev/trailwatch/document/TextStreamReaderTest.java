package dev.trailwatch.document;

import dev.trailwatch.cloudformation.CloudFormationYaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.trailwatch.model.Value;
import dev.trailwatch.source.InputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/** The in-memory reader gives SnakeYAML's scanner what SnakeYAML's own reader gives it, in linear time. */
class TextStreamReaderTest {

    /** Every event (kind, value, start and end marks) or the error, as one line each. */
    private static List<String> events(StreamReader reader) {
        List<String> out = new ArrayList<>();
        ParserImpl parser = new ParserImpl(reader, new LoaderOptions());
        try {
            while (parser.peekEvent() != null) {
                Event event = parser.getEvent();
                String value = event instanceof ScalarEvent s ? " " + s.getValue() + " " + s.getScalarStyle() : "";
                out.add(event.getEventId() + value + " " + mark(event.getStartMark()) + "-" + mark(event.getEndMark()));
                if (event.is(Event.ID.StreamEnd)) {
                    break;
                }
            }
        } catch (MarkedYAMLException e) {
            out.add(e.getClass().getSimpleName() + " " + e.getContext() + " / " + e.getProblem() + " at "
                    + mark(e.getProblemMark()));
        } catch (RuntimeException e) {
            out.add(e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return out;
    }

    private static String mark(Mark mark) {
        return mark == null ? "-" : mark.getLine() + ":" + mark.getColumn() + "@" + mark.getIndex();
    }

    private static void assertSameAsSnakeYaml(String text) {
        assertEquals(events(new StreamReader(new StringReader(text))), events(new TextStreamReader(text)),
                () -> "for: " + text.substring(0, Math.min(80, text.length())));
    }

    @Test
    void sameEventsAndPositionsAsSnakeYamlsReader() {
        String longRun = "x".repeat(5000);
        for (String text : List.of(
                "",
                "a: 1\n",
                "\uFEFFa: b\r\nc: [1, 2]\r\n",
                "a: b\rc: d\r",
                "k: |\n  line one\n  line two\n\nz: \"\\u00e9 \\t\"\n",
                "emoji: \"\uD83D\uDE00 x\"\nnext: \u00e9t\u00e9\u2028more: x\u0085end: y\n",
                "long: " + longRun + "\nquoted: \"" + longRun + "\"\nafter: 1\n",
                "block: >\n  " + longRun + "\n  " + longRun + "\n",
                "tabs:\t1\n",
                "a: [1, 2\n",
                "a: 'unterminated\n",
                "a:\n  - b\n c: d\n",
                "bad: \u0001\n",
                "a: 1\nb: " + "y".repeat(3000) + "\u0007\n",
                "a: [1,\n" + "  2,\n".repeat(400) + "bad: \u0002\n")) {
            assertSameAsSnakeYaml(text);
        }
    }

    /**
     * SnakeYAML 2.3's reader fails with an IndexOutOfBoundsException when a character outside the
     * Basic Multilingual Plane straddles its 1,024-character chunks (an emoji at character 1,024).
     */
    @Test
    void aCharacterThatStraddlesAChunkIsRead() throws InputException {
        String key = "p".repeat(1023) + "\uD83D\uDE00";
        Value.MapValue root = assertInstanceOf(Value.MapValue.class, CloudFormationYaml.parse(key + ": v\n"));
        assertEquals(new Value.Text("v", dev.trailwatch.source.Range.of(1, 1027, 1, 1028)), root.get(key));
    }

    /** How long it takes is scripts/bench.sh's business (a 16 MB string there); here, that it is all read. */
    @Test
    void aStringOfManyChunksIsReadWhole() throws InputException {
        String text = "Resources:\n  Note: \"" + "z".repeat(300_000) + "\"\n  After: 1\n";
        Value.MapValue resources = assertInstanceOf(Value.MapValue.class,
                assertInstanceOf(Value.MapValue.class, CloudFormationYaml.parse(text)).get("Resources"));
        assertEquals(300_000, assertInstanceOf(Value.Text.class, resources.get("Note")).text().length());
        assertEquals(new Value.Number("1", dev.trailwatch.source.Range.of(3, 10, 3, 11)), resources.get("After"));
    }
}

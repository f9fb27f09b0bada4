package dev.trailwatch.document;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's reader over a text that is already in memory, in linear time.
 *
 * <p>SnakeYAML's own {@link StreamReader} reads 1,024 characters at a time and copies everything
 * from the scanner's position to the end of what it has read into a new array on each read. The
 * scanner looks ahead to the end of a scalar's run of non-blank characters (the end of the line
 * for a block scalar) before it moves on, so a long run is copied again for every 1,024
 * characters of it: a 16 MB single-line string took minutes, and every file paid a copy per
 * kilobyte. Here the code points go into one array that is never copied.
 *
 * <p>What the scanner sees is unchanged: the same code points, positions (line, column, index)
 * and end of input ({@code \0}), and a character YAML does not allow is reported at the same
 * moment, when the 1,024-character chunk holding it is first looked at, so that which error a
 * broken file reports first does not change either.
 */
final class TextStreamReader extends StreamReader {
    /** The chunk SnakeYAML 2.x's reader takes from its input at a time. */
    private static final int CHUNK = 1024;
    private static final String NAME = "'reader'";

    private final String text;
    /** The code points read so far, at their index from the start of the text. */
    private final int[] codePoints;
    /** How many characters of {@code text} have been read. */
    private int consumed;
    /** How many code points have been read. */
    private int available;
    private boolean eof;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    TextStreamReader(String text) {
        super(new StringReader(""));
        this.text = text;
        this.codePoints = new int[text.length()];
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, index, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && ensureEnoughData(0); i++) {
            int c = codePoints[pointer++];
            index++;
            documentIndex++;
            // Line breaks as SnakeYAML counts them: \r ends a line only when no \n follows it.
            if (Constant.LINEBR.has(c) || (c == '\r' && ensureEnoughData(0) && codePoints[pointer] != '\n')) {
                line++;
                column = 0;
            } else if (c != '\uFEFF') {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return ensureEnoughData(0) ? codePoints[pointer] : '\0';
    }

    @Override
    public int peek(int offset) {
        return ensureEnoughData(offset) ? codePoints[pointer + offset] : '\0';
    }

    @Override
    public String prefix(int length) {
        if (length == 0) {
            return "";
        }
        if (ensureEnoughData(length)) {
            return new String(codePoints, pointer, length);
        }
        return new String(codePoints, pointer, Math.min(length, available - pointer));
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        index += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    /** Reads one more chunk when the scanner looks at or past the end of what was read, as SnakeYAML does. */
    private boolean ensureEnoughData(int size) {
        if (!eof && pointer + size >= available) {
            readChunk();
        }
        return pointer + size < available;
    }

    private void readChunk() {
        int end = Math.min(text.length(), consumed + CHUNK);
        if (end == consumed) {
            eof = true;
            return;
        }
        if (Character.isHighSurrogate(text.charAt(end - 1)) && end < text.length()) {
            end++; // the rest of the pair, read with it
        }
        int windowStart = pointer;
        int i = consumed;
        while (i < end) {
            int codePoint = text.codePointAt(i);
            codePoints[available++] = codePoint;
            if (!isPrintable(codePoint)) {
                consumed = end;
                // SnakeYAML counts the position within its window, which starts at the scanner's position.
                throw new ReaderException(NAME, available - 1 - windowStart, codePoint,
                        "special characters are not allowed");
            }
            i += Character.charCount(codePoint);
        }
        consumed = end;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }
}

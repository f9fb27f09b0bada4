package dev.trailwatch.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The decoded text of one input file and the name the user knows it by. A UTF-8 byte order
 * mark is dropped so that columns start at 1 on the first line as the user sees them.
 */
public final class SourceFile {
    private final Path path;
    private final String displayPath;
    private final String text;
    /** Offsets at which lines start; built when a position is first turned into an offset. */
    private volatile int[] lineStarts;

    public SourceFile(Path path, String displayPath, String text) {
        this.path = path;
        this.displayPath = displayPath;
        this.text = text;
    }

    /** Reads a file's bytes, refusing files over {@code maxBytes} (--max-file-size). */
    public static byte[] readBytes(Path path, long maxBytes) throws InputException {
        return InputFiles.read(path, InputFiles.Limit.option(maxBytes));
    }

    public static SourceFile decode(Path path, String displayPath, byte[] bytes) throws InputException {
        return new SourceFile(path, displayPath, decodeUtf8(bytes));
    }

    /**
     * Strict UTF-8 (or UTF-16/UTF-32 when a byte order mark says so): a file in another encoding
     * is an error at the first byte that is not UTF-8.
     */
    public static String decodeUtf8(byte[] bytes) throws InputException {
        ByteOrderMarks.Mark mark = ByteOrderMarks.of(bytes);
        if (mark != null) {
            return ByteOrderMarks.decode(bytes, mark);
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length - offset);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            Position at = positionAfter(out);
            throw new InputException(String.format("not valid UTF-8: byte 0x%02X cannot start or continue a character",
                    bytes[in.position()] & 0xFF), at);
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static Position positionAfter(CharSequence decoded) {
        return ByteOrderMarks.positionAfter(decoded);
    }

    public Path path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public String text() {
        return text;
    }

    public Location locate(Range range) {
        return new Location(displayPath, range);
    }

    /** The text a range covers (columns count UTF-16 characters, as the parsers report them). */
    public String text(Range range) {
        int from = offset(range.start());
        int to = offset(range.end());
        return from < 0 || to < from ? "" : text.substring(from, Math.min(to, text.length()));
    }

    /**
     * The offset in {@link #text()} of a position, or -1 when its line is past the last one (a
     * text that ends with a newline has an empty last line). A column past the end of its line
     * runs on into the next lines, up to the end of the text.
     */
    int offset(Position position) {
        int[] starts = lineStarts();
        int lineIndex = Math.max(0, position.line() - 1);
        if (lineIndex >= starts.length) {
            // Past the last line: nothing, unless the text is empty or ends with a newline, where the
            // last (empty) line starts at the end and later lines are taken to start there too.
            lineIndex = starts.length - 1;
            if (starts[lineIndex] < text.length()) {
                return -1;
            }
        }
        return Math.min(text.length(), starts[lineIndex] + position.column() - 1);
    }

    /**
     * The position of the character at {@code offset} (0-based; the text's length gives the
     * position just after its end), found by binary search in the line-start index. Lines end
     * at {@code \n}, so a {@code \r} before it is the last column of its line.
     */
    public Position position(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + text.length());
        }
        int[] starts = lineStarts();
        int line = java.util.Arrays.binarySearch(starts, offset);
        if (line < 0) {
            line = -line - 2; // the last line starting before the offset
        }
        return new Position(line + 1, offset - starts[line] + 1);
    }

    /** Where each line starts: built once, on first use, in one pass over the text. */
    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            int count = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                count++;
            }
            starts = new int[count];
            int line = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                starts[line++] = i + 1;
            }
            lineStarts = starts;
        }
        return starts;
    }
}

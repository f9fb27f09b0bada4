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
        int line = 1;
        int column = 1;
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
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

    private int offset(Position position) {
        int line = 1;
        int i = 0;
        while (line < position.line() && i < text.length()) {
            int newline = text.indexOf('\n', i);
            if (newline < 0) {
                return -1;
            }
            i = newline + 1;
            line++;
        }
        return Math.min(text.length(), i + position.column() - 1);
    }
}

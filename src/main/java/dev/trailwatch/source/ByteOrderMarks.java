package dev.trailwatch.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Text whose first bytes are a UTF-16 or UTF-32 byte order mark (as Windows tools write it) is
 * decoded in that encoding, strictly: a template saved as UTF-16 is checked, never skipped.
 */
public final class ByteOrderMarks {
    private ByteOrderMarks() {}

    /** Whether the bytes start with a UTF-16 or UTF-32 byte order mark: they are text, whatever else. */
    public static boolean present(byte[] bytes) {
        return of(bytes) != null;
    }

    /** The first characters of text with a byte order mark, bad sequences replaced: enough to tell what it is. */
    public static String head(byte[] bytes, int chars) {
        Mark mark = of(bytes);
        int length = Math.min(bytes.length - mark.length(), chars * 4);
        String text = new String(bytes, mark.length(), length, mark.charset());
        return text.length() > chars ? text.substring(0, chars) : text;
    }

    /** The encoding a UTF-16/UTF-32 byte order mark names and the mark's length; null without one. */
    record Mark(Charset charset, String name, int length) {}

    static Mark of(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return new Mark(Charset.forName("UTF-32BE"), "UTF-32", 4);
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return new Mark(Charset.forName("UTF-32LE"), "UTF-32", 4);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Mark(Charset.forName("UTF-16BE"), "UTF-16", 2);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Mark(Charset.forName("UTF-16LE"), "UTF-16", 2);
        }
        return null;
    }

    /** Decodes after the mark; an invalid sequence is an error at the line and column it is at. */
    static String decode(byte[] bytes, Mark mark) throws InputException {
        CharsetDecoder decoder = mark.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, mark.length(), bytes.length - mark.length());
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            out.flip();
            throw new InputException("not valid " + mark.name() + " (the file starts with a " + mark.name()
                    + " byte order mark): bytes at offset " + in.position() + " are no character", positionAfter(out));
        }
        out.flip();
        return out.toString();
    }

    /** The line and column just after a decoded text: where a decoding error stands. */
    static Position positionAfter(CharSequence decoded) {
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
}

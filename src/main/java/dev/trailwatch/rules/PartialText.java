package dev.trailwatch.rules;

import dev.trailwatch.model.TextShape;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A string whose parts are partly known: known text, and open parts known only at deployment,
 * each with the shape it can take and a description of where it comes from (for --strict).
 * {@code arn:${AWS::Partition}:logs:${AWS::Region}:…} is known text around a partition and a
 * region: it can still be judged on what is known.
 */
record PartialText(List<Piece> pieces) {
    sealed interface Piece {}

    record Known(String text) implements Piece {}

    /** A part known only at deployment. */
    record Open(TextShape shape, String origin) implements Piece {}

    PartialText {
        pieces = List.copyOf(pieces);
    }

    static PartialText of(String text) {
        return new PartialText(List.of(new Known(text)));
    }

    static PartialText open(TextShape shape, String origin) {
        return new PartialText(List.of(new Open(shape, origin)));
    }

    static PartialText concat(List<PartialText> parts) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder known = new StringBuilder();
        for (PartialText part : parts) {
            for (Piece piece : part.pieces) {
                if (piece instanceof Known k) {
                    known.append(k.text());
                } else {
                    if (known.length() > 0) {
                        pieces.add(new Known(known.toString()));
                        known.setLength(0);
                    }
                    pieces.add(piece);
                }
            }
        }
        if (known.length() > 0 || pieces.isEmpty()) {
            pieces.add(new Known(known.toString()));
        }
        return new PartialText(pieces);
    }

    /** Longer than any ARN AWS accepts (2,048 characters): not worth matching, and bounded work on hostile input. */
    static final int MAX_ARN_LENGTH = 2048;

    /** How many characters the known parts hold. */
    int knownLength() {
        int length = 0;
        for (Piece piece : pieces) {
            length += piece instanceof Known k ? k.text().length() : 0;
        }
        return length;
    }

    /** The whole text when every part is known, else null. */
    String text() {
        return pieces.size() == 1 && pieces.get(0) instanceof Known k ? k.text() : null;
    }

    /** This text without {@code suffix}, when it ends in it as known text; else null. */
    PartialText withoutSuffix(String suffix) {
        if (!(pieces.get(pieces.size() - 1) instanceof Known last) || !last.text().endsWith(suffix)) {
            return null;
        }
        List<Piece> out = new ArrayList<>(pieces.subList(0, pieces.size() - 1));
        out.add(new Known(last.text().substring(0, last.text().length() - suffix.length())));
        return new PartialText(out);
    }

    List<Open> openParts() {
        return pieces.stream().filter(p -> p instanceof Open).map(p -> (Open) p).toList();
    }

    /**
     * The open part that leaves a question undecided: the first one that may hold anything (a
     * value with no known shape decides most), else the first.
     */
    Open undecidedPart() {
        List<Open> open = openParts();
        return open.stream().filter(o -> o.shape() == TextShape.ANY).findFirst()
                .orElse(open.isEmpty() ? null : open.get(0));
    }

    /** As a user would read it: open parts as their placeholders (REGION, ACCOUNT, …). */
    String display() {
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) {
            out.append(piece instanceof Known k ? k.text() : ((Open) piece).shape().placeholder());
        }
        return out.toString();
    }

    /** Every string this text can be. */
    TextForm form() {
        TextForm.Builder builder = TextForm.builder();
        for (Piece piece : pieces) {
            if (piece instanceof Known k) {
                builder.text(k.text());
            } else {
                TextShape shape = ((Open) piece).shape();
                builder.some(chars(shape), shape.minLength(), shape.exactLength() >= 0);
            }
        }
        return builder.build();
    }

    /**
     * Every string this text matches as an IAM resource pattern: {@code *} any run of characters,
     * {@code ?} any one; an open part that may itself be {@code *} may match anything.
     */
    TextForm iamPattern() {
        TextForm.Builder builder = TextForm.builder();
        for (Piece piece : pieces) {
            if (piece instanceof Known k) {
                for (int i = 0; i < k.text().length(); i++) {
                    char c = k.text().charAt(i);
                    if (c == '*') {
                        builder.anything();
                    } else if (c == '?') {
                        builder.one(TextForm.ANY_CHARACTER);
                    } else {
                        builder.text(String.valueOf(c));
                    }
                }
            } else {
                TextShape shape = ((Open) piece).shape();
                BitSet chars = chars(shape);
                if (chars.get('*')) {
                    builder.anything();
                } else {
                    builder.some(chars, shape.minLength(), shape.exactLength() >= 0);
                }
            }
        }
        return builder.build();
    }

    /**
     * The {@code index}-th colon-separated field of an ARN when it is known text, else null (also
     * when an open part before it may hold a colon, so that fields cannot be counted).
     */
    String knownField(int index) {
        int field = 0;
        StringBuilder current = new StringBuilder();
        boolean open = false;
        for (Piece piece : pieces) {
            if (piece instanceof Open o) {
                if (chars(o.shape()).get(':')) {
                    return null;
                }
                open = true;
                continue;
            }
            String text = ((Known) piece).text();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ':') {
                    if (field == index) {
                        return open ? null : current.toString();
                    }
                    field++;
                    current.setLength(0);
                    open = false;
                } else {
                    current.append(c);
                }
            }
        }
        return field == index && !open ? current.toString() : null;
    }

    private static BitSet chars(TextShape shape) {
        return shape.characters() == null ? TextForm.ANY_CHARACTER : TextForm.characters(shape.characters());
    }
}

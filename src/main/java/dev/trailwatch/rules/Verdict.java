package dev.trailwatch.rules;

/**
 * What a rule decides about one possible value: accepted, a problem (the message part saying
 * what is wrong), or open (known parts do not settle it; the text says which part is unknown).
 * TW000 reports the open ones under --strict, so that only what stays open is a note.
 */
record Verdict(Kind kind, String text) {
    enum Kind { ACCEPTED, PROBLEM, OPEN }

    static final Verdict ACCEPTED = new Verdict(Kind.ACCEPTED, null);

    static Verdict problem(String text) {
        return new Verdict(Kind.PROBLEM, text);
    }

    static Verdict open(String reason) {
        return new Verdict(Kind.OPEN, reason);
    }

    /**
     * Open: the known parts do not settle it; the reason names the part that decides, and where it
     * stands when the value has several parts.
     */
    static Verdict open(PartialText text) {
        PartialText.Open part = text.undecidedPart();
        String reason = part == null ? "not known statically" : part.origin();
        return open(text.pieces().size() > 1 ? reason + " (in \"" + text.display() + "\")" : reason);
    }

    /** Accepted when empty (that is TW001's), a problem when longer than any ARN, else null: judge it further. */
    static Verdict onLength(PartialText text) {
        if ("".equals(text.text())) {
            return ACCEPTED;
        }
        if (text.knownLength() > PartialText.MAX_ARN_LENGTH) {
            return problem("is " + text.knownLength() + " characters long, longer than any ARN (at most "
                    + PartialText.MAX_ARN_LENGTH + ")");
        }
        return null;
    }

    /** The problem's text, or null when this is no problem (what {@link Rule#reportProblems} wants). */
    String problemText() {
        return isProblem() ? text : null;
    }

    boolean isProblem() {
        return kind == Kind.PROBLEM;
    }

    boolean isOpen() {
        return kind == Kind.OPEN;
    }
}

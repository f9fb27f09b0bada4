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

    boolean isProblem() {
        return kind == Kind.PROBLEM;
    }

    boolean isOpen() {
        return kind == Kind.OPEN;
    }
}

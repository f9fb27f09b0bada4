package dev.trailwatch.cli;

/** The exit codes of the specification, in one place. */
public final class ExitCodes {
    /** Nothing at or above --fail-on. */
    public static final int CLEAN = 0;
    /** Findings at or above --fail-on. */
    public static final int FINDINGS = 1;
    /** Usage error, or an input that could not be read or parsed. */
    public static final int ERROR = 2;


    private ExitCodes() {}
}

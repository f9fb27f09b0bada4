package dev.trailwatch.cli;

/** The exit codes of the specification, in one place. */
public final class ExitCodes {
    /** Nothing at or above --fail-on. */
    public static final int CLEAN = 0;
    /** Findings at or above --fail-on. */
    public static final int FINDINGS = 1;
    /** Usage error, or an input that could not be read or parsed. */
    public static final int ERROR = 2;
    /** What each means, as the help shows it. */
    static final java.util.Map<String, String> DESCRIPTIONS = descriptions();


    private ExitCodes() {}

    private static java.util.Map<String, String> descriptions() {
        java.util.Map<String, String> descriptions = new java.util.LinkedHashMap<>();
        descriptions.put(String.valueOf(CLEAN), "nothing at or above --fail-on");
        descriptions.put(String.valueOf(FINDINGS), "findings at or above --fail-on");
        descriptions.put(String.valueOf(ERROR), "usage error, or an input that could not be read or parsed");
        return java.util.Collections.unmodifiableMap(descriptions);
    }
}

package dev.trailwatch.cli;

/** A problem with the command line itself: one line on standard error, exit code 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message, null, false, false);
    }
}

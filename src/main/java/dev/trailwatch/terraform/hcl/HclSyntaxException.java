package dev.trailwatch.terraform.hcl;

/** A syntax error at a 1-based line and column; internal to the parser, which reports it as an InputException. */
final class HclSyntaxException extends RuntimeException {
    final int line;
    final int column;

    HclSyntaxException(String message, int line, int column) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }
}

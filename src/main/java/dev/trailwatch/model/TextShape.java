package dev.trailwatch.model;

/**
 * What a string known only at deployment can look like: the characters it may contain and its
 * shortest length. A region is never an ARN and never holds a colon, so a value built around one
 * can still be judged on its known parts. {@code placeholder} stands for it in messages.
 */
public enum TextShape {
    /** Anything at all. */
    ANY(null, 0, "…"),
    /** aws, aws-cn, aws-us-gov, … */
    PARTITION("a-z-", 3, "PARTITION"),
    /** us-east-1, … */
    REGION("a-z0-9-", 1, "REGION"),
    /** Twelve digits. */
    ACCOUNT_ID("0-9", 12, "ACCOUNT"),
    /** amazonaws.com, amazonaws.com.cn */
    URL_SUFFIX("a-z.", 1, "URL_SUFFIX"),
    /** A stack's name: letters, digits and hyphens. */
    STACK_NAME("A-Za-z0-9-", 1, "STACK_NAME"),
    /** A CloudWatch Logs log group's name. */
    LOG_GROUP_NAME("A-Za-z0-9._/#-", 1, "LOG_GROUP_NAME"),
    /** An IAM role's name. */
    ROLE_NAME("A-Za-z0-9+=,.@_-", 1, "ROLE_NAME");

    private final String characters;
    private final int minLength;
    private final String placeholder;

    TextShape(String characters, int minLength, String placeholder) {
        this.characters = characters;
        this.minLength = minLength;
        this.placeholder = placeholder;
    }

    /** The characters it may hold, as ranges ({@code a-z0-9-}, a trailing hyphen is itself); null for any. */
    public String characters() {
        return characters;
    }

    public int minLength() {
        return minLength;
    }

    /** Exactly this long (an account id), or -1 when only the minimum is known. */
    public int exactLength() {
        return this == ACCOUNT_ID ? 12 : -1;
    }

    public String placeholder() {
        return placeholder;
    }
}

package dev.trailwatch.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, next to its code. The long explanation lives in
 * {@code src/main/resources/dev/trailwatch/rules/ID.md}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    String id();

    /** Short PascalCase name, as SARIF's {@code rule.name} wants it. */
    String name();

    Severity severity();

    /** One sentence: what a finding means. */
    String summary();

    /** The same check in other linters, e.g. {@code CKV2_AWS_10}. */
    String[] peerIds() default {};

    /** Versioned standard controls, e.g. {@code CIS-AWS-1.4.0/3.4}. */
    String[] tags() default {};

    /** Documentation of the fix (AWS's own pages). */
    String helpUri();

    /** GitHub code scanning's 0.0-10.0 score, as a string. */
    String securitySeverity();

    /** What the rule is about: a check of each trail unless it says otherwise. */
    RuleKind kind() default RuleKind.CHECK;
}

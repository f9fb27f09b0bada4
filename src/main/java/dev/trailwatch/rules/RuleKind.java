package dev.trailwatch.rules;

/**
 * What a rule is about, so that the scan and the reports treat rules by kind and never by id.
 */
public enum RuleKind {
    /** Checks each trail: a JUnit report has one test case per trail and rule of this kind. */
    CHECK,
    /**
     * Says what the analysis could not see (a value known only at deployment): it runs only when
     * asked for (--strict), since it finds nothing wrong.
     */
    UNKNOWN_VALUES,
    /** Reports suppressions that do not hold; it is about the suppressions, not about a trail. */
    SUPPRESSION_MISUSE
}

package dev.trailwatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.model.TextShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matcher over partly known strings: what known parts decide, and what they leave open. */
class TextFormTest {
    private static PartialText text(Object... pieces) {
        List<PartialText> parts = new java.util.ArrayList<>();
        for (Object piece : pieces) {
            parts.add(piece instanceof TextShape shape ? PartialText.open(shape, shape.name()) : PartialText.of((String) piece));
        }
        return PartialText.concat(parts);
    }

    @Test
    void aLogGroupArnAroundPseudoParametersIsDecidedByItsKnownParts() {
        PartialText withWildcard = text("arn:", TextShape.PARTITION, ":logs:", TextShape.REGION, ":",
                TextShape.ACCOUNT_ID, ":log-group:audit:*");
        assertTrue(withWildcard.form().within(ArnText.LOG_GROUP_ARN));
        PartialText withoutWildcard = text("arn:", TextShape.PARTITION, ":logs:", TextShape.REGION, ":",
                TextShape.ACCOUNT_ID, ":log-group:", TextShape.LOG_GROUP_NAME);
        assertFalse(withoutWildcard.form().intersects(ArnText.LOG_GROUP_ARN));
        assertTrue(withoutWildcard.form().within(ArnText.LOG_GROUP_ARN_WITHOUT_WILDCARD));
        assertEquals("arn:PARTITION:logs:REGION:ACCOUNT:log-group:LOG_GROUP_NAME", withoutWildcard.display());
    }

    @Test
    void aPartThatMayHoldAnythingLeavesTheQuestionOpen() {
        PartialText name = text("arn:aws:logs:us-east-1:123456789012:log-group:", TextShape.ANY);
        assertTrue(name.form().intersects(ArnText.LOG_GROUP_ARN));
        assertFalse(name.form().within(ArnText.LOG_GROUP_ARN));
        assertEquals("ANY", name.undecidedPart().origin());
    }

    @Test
    void aRegionIsNeverAnArnAndAUserIsNeverARole() {
        assertFalse(text(TextShape.REGION).form().intersects(ArnText.ANY_ARN));
        assertFalse(text("arn:aws:iam::", TextShape.ACCOUNT_ID, ":user/deployer").form().intersects(ArnText.ROLE_ARN));
        assertTrue(text("arn:", TextShape.PARTITION, ":iam::", TextShape.ACCOUNT_ID, ":role/trail").form()
                .within(ArnText.ROLE_ARN));
        // An account that is not twelve digits can never be one.
        assertFalse(text("arn:aws:iam::1234:role/trail").form().intersects(ArnText.ROLE_ARN));
    }

    @Test
    void iamWildcardsMatchStreamsOnlyWhereTheKnownPartsAgree() {
        TextForm stream = text("arn:aws:logs:", TextShape.REGION, ":", TextShape.ACCOUNT_ID,
                ":log-group:audit:log-stream:123456789012_CloudTrail_us-east-1").form();
        TextForm sameGroup = text("arn:aws:logs:", TextShape.REGION, ":", TextShape.ACCOUNT_ID,
                ":log-group:audit:*").iamPattern();
        TextForm otherGroup = text("arn:aws:logs:*:*:log-group:other:*").iamPattern();
        TextForm everything = text("*").iamPattern();
        TextForm oneCharacter = text("arn:aws:logs:us-east-?:*").iamPattern();
        assertTrue(sameGroup.intersects(stream));
        assertFalse(sameGroup.within(stream));
        assertFalse(otherGroup.intersects(stream));
        assertTrue(stream.within(everything));
        assertTrue(oneCharacter.intersects(stream));
        assertFalse(stream.within(oneCharacter)); // the region is open: it may be another one
    }

    @Test
    void knownFieldsAreReadOnlyWhereNoOpenPartMayHoldAColon() {
        PartialText arn = text("arn:", TextShape.PARTITION, ":logs:eu-west-1:", TextShape.ACCOUNT_ID, ":log-group:audit:*");
        assertEquals("logs", arn.knownField(2));
        assertEquals("eu-west-1", arn.knownField(3));
        assertNull(arn.knownField(4));
        assertEquals("audit", arn.knownField(6));
        assertNull(text("arn:", TextShape.ANY, ":logs:eu-west-1").knownField(3));
    }

    @Test
    void literalsCompareExactly() {
        assertTrue(TextForm.literal("abc").within(TextForm.literal("abc")));
        assertFalse(TextForm.literal("abc").intersects(TextForm.literal("abd")));
        assertFalse(TextForm.literal("").within(TextForm.literal("a")));
        assertTrue(TextForm.literal("").within(TextForm.builder().anything().build()));
    }

    /**
     * within against brute force, on random small forms over a, b, c and "anything": a string of
     * one form (up to 7 characters) that the other does not take means within must be false.
     * Membership is asked with intersects, a separate walk.
     */
    @Test
    void withinAgreesWithBruteForceOnRandomForms() {
        java.util.Random random = new java.util.Random(12);
        List<String> strings = new java.util.ArrayList<>(List.of(""));
        for (int length = 1, from = 0; length <= 7; length++) {
            int to = strings.size();
            for (int k = from; k < to; k++) {
                for (char c : new char[] {'a', 'b', 'c'}) {
                    strings.add(strings.get(k) + c);
                }
            }
            from = to;
        }
        int decidedFalse = 0;
        for (int trial = 0; trial < 400; trial++) {
            TextForm x = randomForm(random);
            TextForm y = randomForm(random);
            boolean within = x.within(y);
            boolean counterexample = false;
            for (String s : strings) {
                TextForm literal = TextForm.literal(s);
                if (x.intersects(literal) && !y.intersects(literal)) {
                    counterexample = true;
                    break;
                }
            }
            if (counterexample) {
                assertFalse(within, "trial " + trial + ": a string of one form is not in the other");
                decidedFalse++;
            }
        }
        assertTrue(decidedFalse > 50, "the random forms exercise both answers (" + decidedFalse + " false)");
    }

    private static TextForm randomForm(java.util.Random random) {
        TextForm.Builder form = TextForm.builder();
        int atoms = 1 + random.nextInt(4);
        for (int i = 0; i < atoms; i++) {
            java.util.BitSet chars = switch (random.nextInt(5)) {
                case 0 -> TextForm.characters("a");
                case 1 -> TextForm.characters("b");
                case 2 -> TextForm.characters("ab");
                case 3 -> TextForm.characters("a-c");
                default -> TextForm.ANY_CHARACTER;
            };
            if (random.nextInt(3) == 0) {
                form.some(chars, 0, false);
            } else {
                form.one(chars);
            }
        }
        return form.build();
    }
}

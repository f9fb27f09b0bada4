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
}

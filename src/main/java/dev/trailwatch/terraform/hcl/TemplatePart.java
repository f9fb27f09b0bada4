package dev.trailwatch.terraform.hcl;

import dev.trailwatch.source.Range;
import java.util.List;

/** A part of a template, with escapes decoded and strip markers applied to literal text. */
public sealed interface TemplatePart {
    Range range();

    record Literal(String text, Range range) implements TemplatePart {}

    /** {@code ${ expression }}. */
    record Interpolation(Expression expression, Range range) implements TemplatePart {}

    /** {@code %{ if condition } … %{ else } … %{ endif }}. */
    record If(Expression condition, List<TemplatePart> then, List<TemplatePart> otherwise, Range range)
            implements TemplatePart {}

    /** {@code %{ for k, v in collection } … %{ endfor }}; keyVariable is null with one name. */
    record For(String keyVariable, String valueVariable, Expression collection, List<TemplatePart> body, Range range)
            implements TemplatePart {}
}

package dev.trailwatch.terraform.hcl;

import dev.trailwatch.source.Range;
import java.util.List;

/** An HCL expression; every node keeps the range it was written at. */
public sealed interface Expression {
    Range range();

    /** A number as written. */
    record NumberLiteral(String text, Range range) implements Expression {}

    record BoolLiteral(boolean value, Range range) implements Expression {}

    record NullLiteral(Range range) implements Expression {}

    /** A quoted or heredoc template, or a JSON string read as one; its parts as written. */
    record Template(List<TemplatePart> parts, boolean heredoc, Range range) implements Expression {
        /** The text when the template is one literal (or empty), else null. */
        public String literalText() {
            if (parts.isEmpty()) {
                return "";
            }
            return parts.size() == 1 && parts.get(0) instanceof TemplatePart.Literal l ? l.text() : null;
        }

        /** The same template, spanning {@code range} (a JSON string's quotes included). */
        public Template withRange(Range range) {
            return new Template(parts, heredoc, range);
        }
    }

    /** A variable such as {@code var} in {@code var.name}. */
    record Variable(String name, Range range) implements Expression {}

    /** {@code object.name}. */
    record GetAttr(Expression object, String name, Range nameRange, Range range) implements Expression {}

    /** {@code collection[key]}, or the legacy {@code collection.0}. */
    record Index(Expression collection, Expression key, boolean legacy, Range range) implements Expression {}

    /**
     * {@code source.*.each} or {@code source[*].each}: {@code each} is applied to every element,
     * which it reads through {@link SplatElement}.
     */
    record Splat(Expression source, Expression each, boolean full, Range range) implements Expression {}

    /** The element a splat's {@code each} expression is applied to. */
    record SplatElement(Range range) implements Expression {}

    /** {@code name(args)}, {@code provider::aws::arn_parse(args)}; expandLast for a final {@code ...}. */
    record FunctionCall(String name, Range nameRange, List<Expression> arguments, boolean expandLast, Range range)
            implements Expression {}

    record Tuple(List<Expression> items, Range range) implements Expression {}

    /** An object constructor; a key written as a bare name is a {@link Template} of that name. */
    record ObjectCons(List<ObjectItem> items, Range range) implements Expression {}

    record ObjectItem(Expression key, Expression value) {}

    /**
     * {@code [for k, v in collection : value if condition]} (key null) or
     * {@code {for k, v in collection : key => value... if condition}}.
     */
    record For(String keyVariable, String valueVariable, Expression collection, Expression key, Expression value,
            boolean grouping, Expression condition, Range range) implements Expression {}

    /** {@code -x} or {@code !x}. */
    record Unary(String operator, Expression operand, Range range) implements Expression {}

    record Binary(String operator, Expression left, Expression right, Range range) implements Expression {}

    record Conditional(Expression condition, Expression whenTrue, Expression whenFalse, Range range)
            implements Expression {}

    /** {@code (expression)}: kept because a parenthesised object key is evaluated, a bare one is not. */
    record Parenthesized(Expression inner, Range range) implements Expression {}
}

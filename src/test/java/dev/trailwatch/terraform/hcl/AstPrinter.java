package dev.trailwatch.terraform.hcl;

import dev.trailwatch.source.Range;
import java.util.List;

/**
 * Renders an AST one node a line, indented, with each node's range, so that a fixture's expected
 * tree can be read and checked by a person ({@code NAME.ast} beside it).
 */
final class AstPrinter {
    private final StringBuilder out = new StringBuilder();

    static String print(Body body) {
        AstPrinter printer = new AstPrinter();
        printer.body(body, 0);
        return printer.out.toString();
    }

    private void line(int depth, String text, Range range) {
        out.append("  ".repeat(depth)).append(text).append(' ').append(pos(range)).append('\n');
    }

    private static String pos(Range r) {
        return r.start().line() + ":" + r.start().column() + "-" + r.end().line() + ":" + r.end().column();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                .replace("\"", "\\\"") + '"';
    }

    private void body(Body body, int depth) {
        for (Body.Item item : body.items()) {
            if (item instanceof Body.Attribute a) {
                line(depth, "attribute " + a.name() + " name@" + pos(a.nameRange()), a.range());
                expression(a.value(), depth + 1);
            } else {
                Body.Block b = (Body.Block) item;
                StringBuilder labels = new StringBuilder();
                for (Body.Label label : b.labels()) {
                    labels.append(' ').append(quote(label.value())).append('@').append(pos(label.range()));
                }
                line(depth, "block " + b.type() + labels, b.range());
                body(b.body(), depth + 1);
            }
        }
    }

    private void expression(Expression e, int depth) {
        if (e instanceof Expression.NumberLiteral n) {
            line(depth, "number " + n.text(), e.range());
        } else if (e instanceof Expression.BoolLiteral b) {
            line(depth, "bool " + b.value(), e.range());
        } else if (e instanceof Expression.NullLiteral) {
            line(depth, "null", e.range());
        } else if (e instanceof Expression.Template t) {
            line(depth, t.heredoc() ? "heredoc" : "template", e.range());
            parts(t.parts(), depth + 1);
        } else if (e instanceof Expression.Variable v) {
            line(depth, "variable " + v.name(), e.range());
        } else if (e instanceof Expression.GetAttr g) {
            line(depth, "getattr " + g.name() + " name@" + pos(g.nameRange()), e.range());
            expression(g.object(), depth + 1);
        } else if (e instanceof Expression.Index i) {
            line(depth, i.legacy() ? "index (legacy)" : "index", e.range());
            expression(i.collection(), depth + 1);
            expression(i.key(), depth + 1);
        } else if (e instanceof Expression.Splat s) {
            line(depth, s.full() ? "splat [*]" : "splat .*", e.range());
            expression(s.source(), depth + 1);
            expression(s.each(), depth + 1);
        } else if (e instanceof Expression.SplatElement) {
            line(depth, "each-element", e.range());
        } else if (e instanceof Expression.FunctionCall c) {
            line(depth, "call " + c.name() + (c.expandLast() ? " ..." : ""), e.range());
            c.arguments().forEach(a -> expression(a, depth + 1));
        } else if (e instanceof Expression.Tuple t) {
            line(depth, "tuple", e.range());
            t.items().forEach(i -> expression(i, depth + 1));
        } else if (e instanceof Expression.ObjectCons o) {
            line(depth, "object", e.range());
            for (Expression.ObjectItem item : o.items()) {
                line(depth + 1, "item", new Range(item.key().range().start(), item.value().range().end()));
                expression(item.key(), depth + 2);
                expression(item.value(), depth + 2);
            }
        } else if (e instanceof Expression.For f) {
            line(depth, "for " + (f.keyVariable() == null ? "" : f.keyVariable() + ", ") + f.valueVariable()
                    + (f.key() == null ? " (tuple)" : " (object)") + (f.grouping() ? " grouping" : ""), e.range());
            expression(f.collection(), depth + 1);
            if (f.key() != null) {
                expression(f.key(), depth + 1);
            }
            expression(f.value(), depth + 1);
            if (f.condition() != null) {
                line(depth + 1, "if", f.condition().range());
                expression(f.condition(), depth + 2);
            }
        } else if (e instanceof Expression.Unary u) {
            line(depth, "unary " + u.operator(), e.range());
            expression(u.operand(), depth + 1);
        } else if (e instanceof Expression.Binary b) {
            line(depth, "binary " + b.operator(), e.range());
            expression(b.left(), depth + 1);
            expression(b.right(), depth + 1);
        } else if (e instanceof Expression.Conditional c) {
            line(depth, "conditional", e.range());
            expression(c.condition(), depth + 1);
            expression(c.whenTrue(), depth + 1);
            expression(c.whenFalse(), depth + 1);
        } else if (e instanceof Expression.Parenthesized p) {
            line(depth, "parenthesized", e.range());
            expression(p.inner(), depth + 1);
        } else {
            throw new IllegalArgumentException("unknown node " + e);
        }
    }

    private void parts(List<TemplatePart> parts, int depth) {
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal l) {
                line(depth, "literal " + quote(l.text()), part.range());
            } else if (part instanceof TemplatePart.Interpolation i) {
                line(depth, "interpolation", part.range());
                expression(i.expression(), depth + 1);
            } else if (part instanceof TemplatePart.If i) {
                line(depth, "if", part.range());
                expression(i.condition(), depth + 1);
                line(depth + 1, "then", part.range());
                parts(i.then(), depth + 2);
                line(depth + 1, "else", part.range());
                parts(i.otherwise(), depth + 2);
            } else {
                TemplatePart.For f = (TemplatePart.For) part;
                line(depth, "for " + (f.keyVariable() == null ? "" : f.keyVariable() + ", ") + f.valueVariable(),
                        part.range());
                expression(f.collection(), depth + 1);
                parts(f.body(), depth + 1);
            }
        }
    }
}

package dev.trailwatch.terraform.hcl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Position;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every node of every HCL file in testdata (and the golden inputs of testdata/hcl), the
 * node's range covers exactly its source text: it starts at the construct's first character
 * and ends after its last (checked by what the text there must begin and end with), children
 * lie inside their parent and siblings follow one another without overlapping.
 */
class HclRangeTest {

    /** A node of the AST as the checks see it: what it is, its range, what its text must be. */
    private record Node(String kind, Range range, String prefix, String suffix, boolean mayHaveSpace,
            List<Node> children, boolean startsAtFirstChild, boolean endsAtLastChild) {
        Node(String kind, Range range, String prefix, String suffix, boolean mayHaveSpace, List<Node> children) {
            this(kind, range, prefix, suffix, mayHaveSpace, children, false, false);
        }

        /** A node written as its children with operators between: it starts and ends where they do. */
        Node spanningChildren() {
            return new Node(kind, range, prefix, suffix, mayHaveSpace, children, true, true);
        }

        /** A node written as its first child and what follows (obj.name, list[0]). */
        Node startingAtFirstChild() {
            return new Node(kind, range, prefix, suffix, mayHaveSpace, children, true, endsAtLastChild);
        }
    }

    private static List<Path> fixtures() throws IOException {
        try (Stream<Path> walk = Files.walk(Paths.get("testdata"))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".tf") || p.toString().endsWith(".tfvars")
                            || p.startsWith(Paths.get("testdata/hcl")) && p.toString().endsWith(".tf.json"))
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNodeCoversExactlyItsSourceText() throws IOException {
        List<Path> files = fixtures();
        assertTrue(files.size() > 50, files.toString());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            SourceFile source = SourceFile.decode(file, file.toString(), Files.readAllBytes(file));
            boolean json = file.toString().endsWith(".json");
            Body body;
            try {
                body = json ? HclJson.parse(source.text()) : HclSyntax.parse(source.text());
            } catch (InputException e) {
                return; // a fixture of a syntax error: nothing to check
            }
            List<String> problems = new ArrayList<>();
            Range whole = new Range(new Position(1, 1), source.position(source.text().length()));
            check(source, new Node("file", whole, null, null, true, items(body, json)), null, problems);
            assertTrue(problems.isEmpty(), file + ":\n" + String.join("\n", problems));
        }));
    }

    /** The checks find a wrong range: a node that ends one character early is reported. */
    @Test
    void aRangeThatEndsEarlyIsFound() {
        SourceFile source = new SourceFile(Path.of("t.tf"), "t.tf", "a = f(1)\n");
        Node call = new Node("call", Range.of(1, 5, 1, 8), "f(", ")", false, List.of());
        List<String> problems = new ArrayList<>();
        check(source, call, null, problems);
        assertTrue(problems.toString().contains("call 1:5-1:8 \"f(1\" does not end with \")\""), problems.toString());
    }

    private static void check(SourceFile source, Node node, Node parent, List<String> problems) {
        String text = source.text(node.range());
        String where = node.kind() + " " + show(node.range()) + " \"" + text.replace("\n", "\\n") + "\"";
        if (node.range().start().compareTo(node.range().end()) > 0) {
            problems.add(where + " ends before it starts");
        }
        if (text.isEmpty()) {
            problems.add(where + " covers no text");
        }
        if (!node.mayHaveSpace() && !text.isEmpty()
                && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)))) {
            problems.add(where + " starts or ends with white space");
        }
        if (node.prefix() != null && !text.startsWith(node.prefix())) {
            problems.add(where + " does not start with \"" + node.prefix() + "\"");
        }
        if (node.suffix() != null && !text.endsWith(node.suffix())) {
            problems.add(where + " does not end with \"" + node.suffix() + "\"");
        }
        if (parent != null && (node.range().start().compareTo(parent.range().start()) < 0
                || node.range().end().compareTo(parent.range().end()) > 0)) {
            problems.add(where + " is not inside its parent " + parent.kind() + " " + show(parent.range()));
        }
        if (node.startsAtFirstChild() && !node.children().get(0).range().start().equals(node.range().start())) {
            problems.add(where + " does not start where its first part does, at " + node.children().get(0).range().start());
        }
        Node last = node.children().isEmpty() ? null : node.children().get(node.children().size() - 1);
        if (node.endsAtLastChild() && !last.range().end().equals(node.range().end())) {
            problems.add(where + " does not end where its last part does, at " + last.range().end());
        }
        Position previousEnd = null;
        for (Node child : node.children()) {
            if (previousEnd != null && child.range().start().compareTo(previousEnd) < 0) {
                problems.add(child.kind() + " " + show(child.range()) + " overlaps the sibling before it (ends "
                        + previousEnd + ")");
            }
            previousEnd = child.range().end();
            check(source, child, node, problems);
        }
    }

    private static String show(Range r) {
        return r.start().line() + ":" + r.start().column() + "-" + r.end().line() + ":" + r.end().column();
    }

    // ---- the AST as nodes; prefixes and suffixes are checked for native syntax only ----

    private static List<Node> items(Body body, boolean json) {
        List<Node> nodes = new ArrayList<>();
        for (Body.Item item : body.items()) {
            if (item instanceof Body.Attribute a) {
                Node name = new Node("attribute name", a.nameRange(), json ? null : a.name(), json ? null : a.name(),
                        false, List.of());
                nodes.add(new Node("attribute " + a.name(), a.range(), json ? null : a.name(), null, false,
                        List.of(name, expression(a.value(), json))).spanningChildren());
            } else {
                Body.Block b = (Body.Block) item;
                List<Node> children = new ArrayList<>();
                // In JSON a type's key (and a label's) may stand for several blocks, before their ranges.
                if (!json) {
                    children.add(new Node("block type", b.typeRange(), b.type(), b.type(), false, List.of()));
                    for (Body.Label label : b.labels()) {
                        children.add(new Node("label", label.range(), null, null, false, List.of()));
                    }
                }
                children.add(new Node("block body", b.body().range(), "{", "}", false, items(b.body(), json)));
                nodes.add(new Node("block " + b.type(), b.range(), json ? null : b.type(), "}", false, children));
            }
        }
        return nodes;
    }

    private static Node node(String kind, Range range, boolean json, String prefix, String suffix, Node... children) {
        return new Node(kind, range, json ? null : prefix, json ? null : suffix, false, List.of(children));
    }

    private static Node expression(Expression e, boolean json) {
        if (e instanceof Expression.NumberLiteral n) {
            return node("number", e.range(), json, n.text(), n.text());
        } else if (e instanceof Expression.BoolLiteral b) {
            return node("bool", e.range(), json, String.valueOf(b.value()), String.valueOf(b.value()));
        } else if (e instanceof Expression.NullLiteral) {
            return node("null", e.range(), json, "null", "null");
        } else if (e instanceof Expression.Template t) {
            List<Node> parts = parts(t.parts(), json);
            if (t.heredoc()) {
                return new Node("heredoc", e.range(), json ? null : "<<", null, false, parts);
            }
            // A JSON string is a template only as far as its quotes; a bare object key is a template of its name.
            return new Node("template", e.range(), null, null, false, parts);
        } else if (e instanceof Expression.Variable v) {
            return node("variable", e.range(), json, v.name(), v.name());
        } else if (e instanceof Expression.GetAttr g) {
            return node("getattr", e.range(), json, null, g.name(), expression(g.object(), json),
                    node("getattr name", g.nameRange(), json, g.name(), g.name())).spanningChildren();
        } else if (e instanceof Expression.Index i) {
            return node(i.legacy() ? "legacy index" : "index", e.range(), json, null, i.legacy() ? null : "]",
                    expression(i.collection(), json), expression(i.key(), json)).startingAtFirstChild();
        } else if (e instanceof Expression.Splat s) {
            return node("splat", e.range(), json, null, null, expression(s.source(), json), expression(s.each(), json))
                    .startingAtFirstChild();
        } else if (e instanceof Expression.SplatElement) {
            return node("splat element", e.range(), json, null, null);
        } else if (e instanceof Expression.FunctionCall c) {
            List<Node> children = new ArrayList<>();
            children.add(node("function name", c.nameRange(), json, c.name(), c.name()));
            c.arguments().forEach(a -> children.add(expression(a, json)));
            return new Node("call " + c.name(), e.range(), json ? null : c.name(), json ? null : ")", false, children);
        } else if (e instanceof Expression.Tuple t) {
            return new Node("tuple", e.range(), json ? null : "[", json ? null : "]", false,
                    t.items().stream().map(i -> expression(i, json)).toList());
        } else if (e instanceof Expression.ObjectCons o) {
            List<Node> children = new ArrayList<>();
            for (Expression.ObjectItem item : o.items()) {
                children.add(expression(item.key(), json));
                children.add(expression(item.value(), json));
            }
            return new Node("object", e.range(), json ? null : "{", json ? null : "}", false, children);
        } else if (e instanceof Expression.For f) {
            List<Node> children = new ArrayList<>();
            children.add(expression(f.collection(), json));
            if (f.key() != null) {
                children.add(expression(f.key(), json));
            }
            children.add(expression(f.value(), json));
            if (f.condition() != null) {
                children.add(expression(f.condition(), json));
            }
            boolean tuple = f.key() == null;
            return new Node("for", e.range(), json ? null : tuple ? "[" : "{", json ? null : tuple ? "]" : "}", false,
                    children);
        } else if (e instanceof Expression.Unary u) {
            Node unary = node("unary " + u.operator(), e.range(), json, u.operator(), null, expression(u.operand(), json));
            return new Node(unary.kind(), unary.range(), unary.prefix(), unary.suffix(), false, unary.children(), false,
                    true);
        } else if (e instanceof Expression.Binary b) {
            return node("binary " + b.operator(), e.range(), json, null, null, expression(b.left(), json),
                    expression(b.right(), json)).spanningChildren();
        } else if (e instanceof Expression.Conditional c) {
            return node("conditional", e.range(), json, null, null, expression(c.condition(), json),
                    expression(c.whenTrue(), json), expression(c.whenFalse(), json)).spanningChildren();
        } else if (e instanceof Expression.Parenthesized p) {
            return node("parenthesized", e.range(), json, "(", ")", expression(p.inner(), json));
        }
        throw new IllegalArgumentException("unknown node " + e);
    }

    private static List<Node> parts(List<TemplatePart> parts, boolean json) {
        List<Node> nodes = new ArrayList<>();
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal) {
                nodes.add(new Node("literal", part.range(), null, null, true, List.of()));
            } else if (part instanceof TemplatePart.Interpolation i) {
                nodes.add(new Node("interpolation", part.range(), "${", "}", false, List.of(expression(i.expression(), json))));
            } else if (part instanceof TemplatePart.If i) {
                List<Node> children = new ArrayList<>();
                children.add(expression(i.condition(), json));
                children.addAll(parts(i.then(), json));
                children.addAll(parts(i.otherwise(), json));
                nodes.add(new Node("if directive", part.range(), "%{", "}", false, children));
            } else {
                TemplatePart.For f = (TemplatePart.For) part;
                List<Node> children = new ArrayList<>();
                children.add(expression(f.collection(), json));
                children.addAll(parts(f.body(), json));
                nodes.add(new Node("for directive", part.range(), "%{", "}", false, children));
            }
        }
        return nodes;
    }
}

package dev.trailwatch.terraform.hcl;

import dev.trailwatch.source.Position;
import dev.trailwatch.source.Range;
import dev.trailwatch.terraform.hcl.grammar.HclLexer;
import dev.trailwatch.terraform.hcl.grammar.HclParser;
import dev.trailwatch.terraform.hcl.grammar.HclParserBaseVisitor;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the immutable AST from ANTLR's parse tree; the only code that reads parse trees.
 * Template escapes are decoded, strip markers and {@code <<-} indentation applied, and every
 * node gets its 1-based range.
 */
final class HclAstBuilder {

    /** Attributes and blocks as items; anything else (a newline) as null. */
    private final HclParserBaseVisitor<Body.Item> itemBuilder = new HclParserBaseVisitor<>() {
        @Override
        public Body.Item visitAttribute(HclParser.AttributeContext ctx) {
            return attribute(ctx.identifier(), ctx.expression());
        }

        @Override
        public Body.Item visitBlock(HclParser.BlockContext ctx) {
            return block(ctx);
        }
    };

    private final ExpressionBuilder expressionBuilder = new ExpressionBuilder();

    Body body(HclParser.BodyContext ctx) {
        Items items = new Items();
        for (ParseTree child : ctx.children == null ? List.<ParseTree>of() : ctx.children) {
            items.add(child);
        }
        return items.body(range(ctx));
    }

    /**
     * A body's attributes and blocks, built one at a time: the parser hands over each top-level
     * item as soon as it has read it, so that its parse tree can be dropped (see {@link HclSyntax}).
     */
    final class Items {
        private final List<Body.Item> items = new ArrayList<>();
        private final java.util.Map<String, Body.Attribute> seen = new java.util.HashMap<>();

        /** Adds an attribute or a block; newlines and other children are not items. */
        void add(ParseTree child) {
            Body.Item item = child.accept(itemBuilder);
            if (item instanceof Body.Attribute attribute) {
                Body.Attribute first = seen.putIfAbsent(attribute.name(), attribute);
                if (first != null) {
                    throw error("attribute " + attribute.name() + " is already defined at line "
                            + first.nameRange().start().line(), attribute.nameRange().start());
                }
            }
            if (item != null) {
                items.add(item);
            }
        }

        Body body(Range range) {
            return new Body(List.copyOf(items), range);
        }
    }

    private Body.Attribute attribute(HclParser.IdentifierContext name, HclParser.ExpressionContext value) {
        Expression expression = expression(value);
        return new Body.Attribute(name.getText(), range(name), expression, span(range(name), expression.range()));
    }

    private Body.Block block(HclParser.BlockContext ctx) {
        List<Body.Label> labels = new ArrayList<>();
        for (HclParser.BlockLabelContext label : ctx.blockLabel()) {
            if (label.identifier() != null) {
                labels.add(new Body.Label(label.identifier().getText(), range(label)));
            } else {
                Expression.Template template = quoted(label.quotedTemplate());
                String text = template.literalText();
                if (text == null) {
                    throw error("a block label must be a literal string, without interpolation or directives",
                            template.range().start());
                }
                labels.add(new Body.Label(text, template.range()));
            }
        }
        // A block's body spans its braces, whether written on one line or several.
        Range braces = span(range(ctx.LBRACE().getSymbol()), range(ctx.RBRACE().getSymbol()));
        Body body;
        if (ctx.body() != null) {
            body = new Body(body(ctx.body()).items(), braces);
        } else {
            HclParser.OneLineAttributeContext one = ctx.oneLineAttribute();
            List<Body.Item> items = one == null ? List.of() : List.of(attribute(one.identifier(), one.expression()));
            body = new Body(items, braces);
        }
        Range whole = span(range(ctx.identifier()), range(ctx.RBRACE().getSymbol()));
        return new Body.Block(ctx.identifier().getText(), range(ctx.identifier()), List.copyOf(labels), body, whole);
    }

    // ---- expressions ----

    Expression expression(HclParser.ExpressionContext ctx) {
        return ctx.accept(expressionBuilder);
    }

    /** Expressions and their primary terms, one method for each labelled alternative of the grammar. */
    private final class ExpressionBuilder extends HclParserBaseVisitor<Expression> {
        @Override
        public Expression visitTermExpression(HclParser.TermExpressionContext ctx) {
            return exprTerm(ctx.exprTerm());
        }

        @Override
        public Expression visitUnaryExpression(HclParser.UnaryExpressionContext ctx) {
            return new Expression.Unary(ctx.op.getText(), expression(ctx.expression()), range(ctx));
        }

        @Override
        public Expression visitBinaryExpression(HclParser.BinaryExpressionContext ctx) {
            return new Expression.Binary(ctx.op.getText(), expression(ctx.expression(0)), expression(ctx.expression(1)),
                    range(ctx));
        }

        @Override
        public Expression visitConditionalExpression(HclParser.ConditionalExpressionContext ctx) {
            return new Expression.Conditional(expression(ctx.expression(0)), expression(ctx.expression(1)),
                    expression(ctx.expression(2)), range(ctx));
        }

        @Override
        public Expression visitNumberLiteral(HclParser.NumberLiteralContext ctx) {
            if (!Numbers.literalInRange(ctx.getText())) {
                throw error(Numbers.outOfRange(ctx.getText()), range(ctx).start());
            }
            return new Expression.NumberLiteral(ctx.getText(), range(ctx));
        }

        @Override
        public Expression visitTrueLiteral(HclParser.TrueLiteralContext ctx) {
            return new Expression.BoolLiteral(true, range(ctx));
        }

        @Override
        public Expression visitFalseLiteral(HclParser.FalseLiteralContext ctx) {
            return new Expression.BoolLiteral(false, range(ctx));
        }

        @Override
        public Expression visitNullLiteral(HclParser.NullLiteralContext ctx) {
            return new Expression.NullLiteral(range(ctx));
        }

        @Override
        public Expression visitQuotedTemplateExpr(HclParser.QuotedTemplateExprContext ctx) {
            return quoted(ctx.quotedTemplate());
        }

        @Override
        public Expression visitHeredocTemplateExpr(HclParser.HeredocTemplateExprContext ctx) {
            return heredoc(ctx.heredocTemplate());
        }

        @Override
        public Expression visitTupleExpr(HclParser.TupleExprContext ctx) {
            List<Expression> items = new ArrayList<>();
            for (HclParser.ExpressionContext item : ctx.tuple().expression()) {
                items.add(expression(item));
            }
            return new Expression.Tuple(List.copyOf(items), range(ctx));
        }

        @Override
        public Expression visitObjectExpr(HclParser.ObjectExprContext ctx) {
            List<Expression.ObjectItem> items = new ArrayList<>();
            for (HclParser.ObjectElementContext element : ctx.object().objectElement()) {
                items.add(new Expression.ObjectItem(element.objectKey().accept(this), expression(element.expression())));
            }
            return new Expression.ObjectCons(List.copyOf(items), range(ctx));
        }

        /** A key written as a bare name is the name itself, not a variable. */
        @Override
        public Expression visitNameKey(HclParser.NameKeyContext ctx) {
            return new Expression.Template(List.of(new TemplatePart.Literal(ctx.getText(), range(ctx))), false,
                    range(ctx));
        }

        @Override
        public Expression visitExpressionKey(HclParser.ExpressionKeyContext ctx) {
            return expression(ctx.expression());
        }

        @Override
        public Expression visitForTupleExpr(HclParser.ForTupleExprContext ctx) {
            HclParser.ForTupleContext t = ctx.forTuple();
            return forExpression(t.identifier(), t.expression(), false, false, t.IF() != null, range(ctx));
        }

        @Override
        public Expression visitForObjectExpr(HclParser.ForObjectExprContext ctx) {
            HclParser.ForObjectContext o = ctx.forObject();
            return forExpression(o.identifier(), o.expression(), true, o.ELLIPSIS() != null, o.IF() != null, range(ctx));
        }

        /** {@code names}: one or two variables; {@code parts}: collection, (key,) value (, condition). */
        private Expression.For forExpression(List<HclParser.IdentifierContext> names,
                List<HclParser.ExpressionContext> parts, boolean object, boolean grouping, boolean filtered,
                Range range) {
            int value = object ? 2 : 1;
            return new Expression.For(names.size() == 2 ? names.get(0).getText() : null,
                    names.get(names.size() - 1).getText(), expression(parts.get(0)),
                    object ? expression(parts.get(1)) : null, expression(parts.get(value)), grouping,
                    filtered ? expression(parts.get(value + 1)) : null, range);
        }

        @Override
        public Expression visitFunctionCallExpr(HclParser.FunctionCallExprContext ctx) {
            HclParser.FunctionCallContext call = ctx.functionCall();
            List<Expression> arguments = new ArrayList<>();
            for (HclParser.ExpressionContext argument : call.expression()) {
                arguments.add(expression(argument));
            }
            return new Expression.FunctionCall(call.functionName().getText(), range(call.functionName()),
                    List.copyOf(arguments), call.ELLIPSIS() != null, range(ctx));
        }

        @Override
        public Expression visitVariableExpr(HclParser.VariableExprContext ctx) {
            return new Expression.Variable(ctx.getText(), range(ctx));
        }

        @Override
        public Expression visitParenthesizedExpr(HclParser.ParenthesizedExprContext ctx) {
            return new Expression.Parenthesized(expression(ctx.expression()), range(ctx));
        }
    }

    /**
     * Postfix operators bind left to right; after a splat the following attribute accesses (and,
     * for {@code [*]}, indexes) apply to each element, as the spec's splat rules say.
     */
    private Expression exprTerm(HclParser.ExprTermContext ctx) {
        List<HclParser.ExprTermContext> chain = new ArrayList<>();
        HclParser.ExprTermContext current = ctx;
        while (!(current instanceof HclParser.PrimaryTermContext)) {
            chain.add(current);
            current = current.getChild(HclParser.ExprTermContext.class, 0);
        }
        Expression result = ((HclParser.PrimaryTermContext) current).primary().accept(expressionBuilder);
        Expression splatSource = null;
        boolean fullSplat = false;
        Expression each = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            HclParser.ExprTermContext step = chain.get(i);
            boolean isSplat = step instanceof HclParser.AttrSplatTermContext
                    || step instanceof HclParser.FullSplatTermContext;
            boolean continuesSplat = splatSource != null && !isSplat
                    && (step instanceof HclParser.GetAttrTermContext
                        || (fullSplat && !(step instanceof HclParser.AttrSplatTermContext)));
            if (splatSource != null && !continuesSplat) {
                result = new Expression.Splat(splatSource, each, fullSplat, span(splatSource.range(), range(chain.get(i + 1))));
                splatSource = null;
            }
            if (isSplat) {
                splatSource = result;
                fullSplat = step instanceof HclParser.FullSplatTermContext;
                // The element is written as the operator itself: ".*" or "[*]".
                Token operator = ((TerminalNode) step.getChild(1)).getSymbol();
                each = new Expression.SplatElement(new Range(start(operator), end(step.getStop())));
                continue;
            }
            if (splatSource != null) {
                each = traverse(each, step, span(each.range(), range(step)));
            } else {
                result = traverse(result, step, range(step));
            }
        }
        if (splatSource != null) {
            result = new Expression.Splat(splatSource, each, fullSplat, range(ctx));
        }
        return result;
    }

    private Expression traverse(Expression target, HclParser.ExprTermContext step, Range range) {
        if (step instanceof HclParser.GetAttrTermContext get) {
            return new Expression.GetAttr(target, get.identifier().getText(), range(get.identifier()), range);
        }
        if (step instanceof HclParser.IndexTermContext index) {
            return new Expression.Index(target, expression(index.expression()), false, range);
        }
        HclParser.LegacyIndexTermContext legacy = (HclParser.LegacyIndexTermContext) step;
        Token number = legacy.NUMBER().getSymbol();
        if (target instanceof Expression.NumberLiteral) {
            throw error("invalid number: a number has at most one decimal point", start(number));
        }
        if (!number.getText().chars().allMatch(Character::isDigit)) {
            throw error("a legacy index (.0) must be a whole number; chained legacy indexes such as .0.0 are not"
                    + " allowed", start(number));
        }
        return new Expression.Index(target, new Expression.NumberLiteral(number.getText(), range(number)), true, range);
    }

    // ---- templates ----

    Expression.Template quoted(HclParser.QuotedTemplateContext ctx) {
        return new Expression.Template(parts(ctx.templatePart(), false, false), false, range(ctx));
    }

    private Expression.Template heredoc(HclParser.HeredocTemplateContext ctx) {
        List<TemplatePart> parts = parts(ctx.templatePart(), false, false);
        if (ctx.HEREDOC_START().getText().startsWith("<<-")) {
            parts = HeredocIndent.strip(parts);
        }
        return new Expression.Template(parts, true, range(ctx));
    }

    Expression.Template standalone(HclParser.StandaloneTemplateContext ctx) {
        return new Expression.Template(parts(ctx.templatePart(), false, false), false, range(ctx));
    }

    /**
     * The parts of one template level. {@code stripFirst}/{@code stripLast}: a strip marker on
     * the enclosing directive's tags that touches this level's first or last literal.
     */
    private List<TemplatePart> parts(List<HclParser.TemplatePartContext> contexts, boolean stripFirst, boolean stripLast) {
        List<TemplatePart> parts = new ArrayList<>(contexts.size());
        boolean stripNext = stripFirst;
        for (HclParser.TemplatePartContext ctx : contexts) {
            Tagged tagged = ctx.accept(partBuilder);
            if (tagged.part() instanceof TemplatePart.Literal literal) {
                parts.add(stripNext ? new TemplatePart.Literal(literal.text().stripLeading(), literal.range()) : literal);
                stripNext = false;
                continue;
            }
            if (tagged.tags().stripBefore && !parts.isEmpty()
                    && parts.get(parts.size() - 1) instanceof TemplatePart.Literal l) {
                parts.set(parts.size() - 1, new TemplatePart.Literal(l.text().stripTrailing(), l.range()));
            }
            parts.add(tagged.part());
            stripNext = tagged.tags().stripAfter;
        }
        if (stripLast && !parts.isEmpty() && parts.get(parts.size() - 1) instanceof TemplatePart.Literal l) {
            parts.set(parts.size() - 1, new TemplatePart.Literal(l.text().stripTrailing(), l.range()));
        }
        return List.copyOf(parts);
    }

    /** Strip markers on a sequence's first opening and last closing tag. */
    private record Tags(boolean stripBefore, boolean stripAfter) {}

    /** A template part with the strip markers of its tags (none for a literal). */
    private record Tagged(TemplatePart part, Tags tags) {}

    private final HclParserBaseVisitor<Tagged> partBuilder = new HclParserBaseVisitor<>() {
        @Override
        public Tagged visitLiteralPart(HclParser.LiteralPartContext ctx) {
            return new Tagged(new TemplatePart.Literal(literalText(ctx), range(ctx)), new Tags(false, false));
        }

        @Override
        public Tagged visitInterpolationPart(HclParser.InterpolationPartContext ctx) {
            HclParser.InterpolationContext interpolation = ctx.interpolation();
            return new Tagged(new TemplatePart.Interpolation(expression(interpolation.expression()), range(ctx)),
                    new Tags(hasTildeAfter(interpolation, interpolation.TEMPLATE_INTERP()),
                            hasTildeBefore(interpolation, interpolation.RBRACE())));
        }

        @Override
        public Tagged visitIfPart(HclParser.IfPartContext ctx) {
            return new Tagged(ifPart(ctx.ifDirective()), directiveTags(ctx.ifDirective()));
        }

        @Override
        public Tagged visitForPart(HclParser.ForPartContext ctx) {
            return new Tagged(forPart(ctx.forDirective()), directiveTags(ctx.forDirective()));
        }
    };

    private Tags directiveTags(ParserRuleContext d) {
        List<TerminalNode> opens = d.getTokens(HclLexer.TEMPLATE_DIRECTIVE);
        List<TerminalNode> closes = d.getTokens(HclLexer.RBRACE);
        return new Tags(hasTildeAfter(d, opens.get(0)), hasTildeBefore(d, closes.get(closes.size() - 1)));
    }

    private TemplatePart ifPart(HclParser.IfDirectiveContext d) {
        List<TerminalNode> opens = d.getTokens(HclLexer.TEMPLATE_DIRECTIVE);
        List<TerminalNode> closes = d.getTokens(HclLexer.RBRACE);
        boolean hasElse = d.ELSE() != null;
        List<TemplatePart> then = parts(d.thenParts.templatePart(), hasTildeBefore(d, closes.get(0)),
                hasTildeAfter(d, opens.get(1)));
        List<TemplatePart> otherwise = hasElse
                ? parts(d.elseParts.templatePart(), hasTildeBefore(d, closes.get(1)), hasTildeAfter(d, opens.get(2)))
                : List.of();
        return new TemplatePart.If(expression(d.expression()), then, otherwise, range(d));
    }

    private TemplatePart forPart(HclParser.ForDirectiveContext d) {
        List<TerminalNode> opens = d.getTokens(HclLexer.TEMPLATE_DIRECTIVE);
        List<TerminalNode> closes = d.getTokens(HclLexer.RBRACE);
        List<HclParser.IdentifierContext> names = d.identifier();
        List<TemplatePart> body = parts(d.templateParts().templatePart(), hasTildeBefore(d, closes.get(0)),
                hasTildeAfter(d, opens.get(1)));
        return new TemplatePart.For(names.size() == 2 ? names.get(0).getText() : null,
                names.get(names.size() - 1).getText(), expression(d.expression()), body, range(d));
    }

    /** Whether the token right after {@code open} (among ctx's children) is a strip marker. */
    private static boolean hasTildeAfter(ParserRuleContext ctx, TerminalNode open) {
        int i = ctx.children.indexOf(open);
        return i >= 0 && i + 1 < ctx.children.size() && ctx.children.get(i + 1) instanceof TerminalNode t
                && t.getSymbol().getType() == HclLexer.TILDE;
    }

    private static boolean hasTildeBefore(ParserRuleContext ctx, TerminalNode close) {
        int i = ctx.children.indexOf(close);
        return i > 0 && ctx.children.get(i - 1) instanceof TerminalNode t && t.getSymbol().getType() == HclLexer.TILDE;
    }

    private static String literalText(HclParser.LiteralPartContext ctx) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ctx.getChildCount(); i++) {
            Token token = ((TerminalNode) ctx.getChild(i)).getSymbol();
            switch (token.getType()) {
                case HclLexer.TEMPLATE_ESCAPE -> text.append(token.getText().substring(1)); // $${ → ${, %%{ → %{
                case HclLexer.QUOTED_LITERAL -> unescape(token, text);
                default -> text.append(token.getText());
            }
        }
        return text.toString();
    }

    /** Decodes a quoted string's backslash escapes; an unknown one is a syntax error where it stands. */
    private static void unescape(Token token, StringBuilder out) {
        String s = token.getText();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8;
                    if (i + digits >= s.length()) {
                        throw badEscape(token, i - 1, "\\" + e + " needs " + digits + " hexadecimal digits");
                    }
                    String hex = s.substring(i + 1, i + 1 + digits);
                    if (!hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                        throw badEscape(token, i - 1, "\\" + e + " needs " + digits + " hexadecimal digits");
                    }
                    long codePoint = Long.parseLong(hex, 16);
                    if (codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                        throw badEscape(token, i - 1, "invalid escape sequence \\" + e + hex
                                + ": not a Unicode character");
                    }
                    out.appendCodePoint((int) codePoint);
                    i += digits;
                }
                default -> throw badEscape(token, i - 1, "invalid escape sequence \\" + e);
            }
        }
    }

    private static HclSyntaxException badEscape(Token token, int offset, String message) {
        return new HclSyntaxException(message, token.getLine(), token.getCharPositionInLine() + 1 + offset);
    }

    // ---- positions ----

    private static HclSyntaxException error(String message, Position at) {
        return new HclSyntaxException(message, at.line(), at.column());
    }

    static Position start(Token token) {
        return new Position(token.getLine(), token.getCharPositionInLine() + 1);
    }

    /** Just after the token's last character, following any newlines inside it. */
    static Position end(Token token) {
        String text = token.getText();
        int newline = text.lastIndexOf('\n');
        if (newline < 0) {
            return new Position(token.getLine(), token.getCharPositionInLine() + 1 + text.length());
        }
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return new Position(token.getLine() + lines, text.length() - newline);
    }

    static Range range(Token token) {
        return new Range(start(token), end(token));
    }

    static Range range(ParserRuleContext ctx) {
        Token stop = ctx.getStop();
        if (stop == null || stop.getTokenIndex() < ctx.getStart().getTokenIndex()) {
            return new Range(start(ctx.getStart()), start(ctx.getStart()));
        }
        return new Range(start(ctx.getStart()), end(stop));
    }

    private static Range span(Range from, Range to) {
        return new Range(from.start(), to.end());
    }
}

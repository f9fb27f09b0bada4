package dev.trailwatch.terraform.hcl;

import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Position;
import dev.trailwatch.terraform.hcl.grammar.HclLexer;
import dev.trailwatch.terraform.hcl.grammar.HclParser;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses HCL native syntax (.tf, .tfvars, .hcl) into the AST. SLL prediction first, which is
 * fast and right for nearly every file; only when it fails is the file parsed again with full LL,
 * which either succeeds or reports the first error as {@code expected … but found …}.
 */
public final class HclSyntax {
    private HclSyntax() {}

    /** A configuration file's body. */
    public static Body parse(String text) throws InputException {
        return run(text, 1, 0, false, HclParser::configFile, (builder, tree) -> builder.body(tree.body()));
    }

    /**
     * A standalone template (a string of Terraform's JSON syntax), positioned as if its first
     * character stood at {@code line}:{@code column}.
     */
    public static Expression.Template parseTemplate(String text, Position at) throws InputException {
        return run(text, at.line(), at.column() - 1, true, HclParser::standaloneTemplate,
                (builder, tree) -> builder.standalone(tree));
    }

    private interface Build<T extends ParserRuleContext, R> {
        R apply(HclAstBuilder builder, T tree);
    }

    private static <T extends ParserRuleContext, R> R run(String text, int line, int charPosition, boolean template,
            Function<HclParser, T> rule, Build<T, R> build) throws InputException {
        try {
            HclLexer lexer = new HclLexer(CharStreams.fromString(text));
            lexer.removeErrorListeners();
            lexer.setLine(line);
            lexer.setCharPositionInLine(charPosition);
            if (template) {
                lexer.startStandaloneTemplate();
            }
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            HclParser parser = new HclParser(tokens);
            parser.removeErrorListeners();
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            T tree;
            try {
                tree = rule.apply(parser);
            } catch (ParseCancellationException e) {
                tokens.seek(0);
                parser.reset();
                parser.addErrorListener(SyntaxErrorListener.INSTANCE);
                parser.setErrorHandler(new DefaultErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = rule.apply(parser);
            }
            return build.apply(new HclAstBuilder(), tree);
        } catch (HclSyntaxException e) {
            throw new InputException(e.getMessage(), new Position(e.line, e.column));
        } catch (HclLexer.NestingTooDeepException e) {
            throw new InputException(e.getMessage(), new Position(e.line, e.column));
        } catch (StackOverflowError e) {
            throw new InputException("nested too deeply to parse");
        }
    }
}

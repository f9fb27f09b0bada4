package dev.trailwatch.terraform.hcl;

import dev.trailwatch.source.Comment;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Position;
import dev.trailwatch.terraform.hcl.grammar.HclLexer;
import dev.trailwatch.terraform.hcl.grammar.HclLexerBase;
import dev.trailwatch.terraform.hcl.grammar.HclParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parses HCL native syntax (.tf, .tfvars, .hcl) into the AST. SLL prediction first, which is
 * fast and right for nearly every file; only when it fails is the file parsed again with full LL,
 * which either succeeds or reports the first error as {@code expected … but found …}.
 */
public final class HclSyntax {
    private HclSyntax() {}

    /** Texts parsed ahead ({@link #parseAhead}), each taken once by {@link #parseFile}. */
    private static final Map<String, CompletableFuture<ParsedFile>> AHEAD = new ConcurrentHashMap<>();

    /** A configuration file's body and its comments, in the order written. */
    public record ParsedFile(Body body, List<Comment> comments) {}

    /** What {@link #warmUp} parses: the constructs nearly every configuration has. */
    private static final String COMMON_CONSTRUCTS = """
            variable "name" {
              type    = string
              default = "audit"
            }
            locals {
              tags = merge({ team = "security" }, { for k, v in var.extra : k => v if v != null })
              list = [1, 2.5, true, null, "a-${var.name}", -1]
            }
            resource "aws_cloudtrail" "trail" {
              count                      = var.enabled ? 1 : 0
              name                       = "${local.prefix}-trail"
              cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
              cloud_watch_logs_role_arn  = aws_iam_role.trail[0].arn # a comment
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = ["logs:PutLogEvents"], Resource = "*" }]
              })
              dynamic "event_selector" {
                for_each = var.selectors
                content {
                  read_write_type = event_selector.value.type
                }
              }
            }
            module "logs" {
              source = "./modules/logs"
              text   = <<-EOT
                line ${var.name}
              EOT
            }
            """;

    /**
     * Parses a small configuration of common constructs and throws the result away: the grammar's
     * classes and prediction tables (shared by every later parse) are built then. Started in the
     * background at start-up when a scan will read Terraform, it runs on a core the command-line
     * parsing leaves idle.
     */
    public static void warmUp() {
        try {
            parseFile(COMMON_CONSTRUCTS);
        } catch (InputException e) {
            throw new IllegalStateException("the warm-up configuration does not parse: " + e.getMessage(), e);
        }
    }

    /** A configuration file's body. */
    public static Body parse(String text) throws InputException {
        return parseFile(text).body();
    }

    /**
     * A configuration file's body and comments, from one reading. The first, SLL, pass keeps
     * neither the token stream nor the parse tree of the whole file: tokens are read through an
     * unbuffered stream and each top-level attribute or block becomes AST as soon as it is
     * parsed, its parse tree then dropped, so memory holds the AST and the largest top-level
     * item, not the file's tree.
     */
    public static ParsedFile parseFile(String text) throws InputException {
        if (!AHEAD.isEmpty()) {
            CompletableFuture<ParsedFile> ahead = AHEAD.remove(text);
            if (ahead != null) {
                ParsedFile parsed = ahead.join(); // waits if it is being parsed now
                if (parsed != null) {
                    return parsed;
                }
            }
        }
        return parseNow(text);
    }

    /**
     * Parses a file's text ahead of the scan that will ask for it: the start-up warm-up does this,
     * on a second thread, for the Terraform files a command line names while the main thread
     * parses the command line. {@link #parseFile} then takes the result (once) instead of parsing
     * the same text again, or waits for it. A text that does not parse is left to parseFile,
     * which reports it.
     */
    public static void parseAhead(String text) {
        CompletableFuture<ParsedFile> ahead = new CompletableFuture<>();
        if (AHEAD.putIfAbsent(text, ahead) != null) {
            return;
        }
        ParsedFile parsed = null;
        try {
            parsed = parseNow(text);
        } catch (InputException e) {
            // Reported when the scan parses it.
        } finally { // a defect leaves null too: the scan parses the text itself and meets it there
            ahead.complete(parsed);
        }
    }

    private static ParsedFile parseNow(String text) throws InputException {
        try {
            TopLevelItems items = new TopLevelItems();
            List<Comment> comments = new ArrayList<>();
            HclParser parser = new HclParser(new UnbufferedTokenStream<>(
                    new DefaultChannel(lexer(text, 1, 0, false), comments)));
            parser.removeErrorListeners();
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            parser.addParseListener(items);
            HclParser.ConfigFileContext tree;
            try {
                tree = parser.configFile();
            } catch (ParseCancellationException e) {
                // Full LL on a fresh token stream, with the whole tree: syntax errors are reported from it.
                List<Comment> again = new ArrayList<>();
                Body body = run(text, 1, 0, false, HclParser::configFile, (builder, t) -> builder.body(t.body()),
                        PredictionMode.LL, again);
                return new ParsedFile(body, List.copyOf(again));
            }
            return new ParsedFile(items.body(tree.body()), List.copyOf(comments));
        } catch (HclSyntaxException e) {
            throw new InputException(e.getMessage(), new Position(e.line, e.column));
        } catch (HclLexerBase.NestingTooDeepException e) {
            throw new InputException(e.getMessage(), new Position(e.line, e.column));
        } catch (StackOverflowError e) {
            throw new InputException("nested too deeply to parse");
        }
    }

    /**
     * A standalone template (a string of Terraform's JSON syntax), positioned as if its first
     * character stood at {@code line}:{@code column}.
     */
    public static Expression.Template parseTemplate(String text, Position at) throws InputException {
        return run(text, at.line(), at.column() - 1, true, HclParser::standaloneTemplate,
                (builder, tree) -> builder.standalone(tree), PredictionMode.SLL, new ArrayList<>());
    }

    private interface Build<T extends ParserRuleContext, R> {
        R apply(HclAstBuilder builder, T tree);
    }

    static HclLexer lexer(String text, int line, int charPosition, boolean template) {
        HclLexer lexer = new HclLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.setLine(line);
        lexer.setCharPositionInLine(charPosition);
        lexer.countColumnsInUtf16(hasSurrogates(text));
        if (template) {
            lexer.startStandaloneTemplate();
        }
        return lexer;
    }

    private static boolean hasSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses with the whole token stream and parse tree, SLL first unless {@code mode} says LL;
     * the comments read are added to {@code comments}.
     */
    private static <T extends ParserRuleContext, R> R run(String text, int line, int charPosition, boolean template,
            Function<HclParser, T> rule, Build<T, R> build, PredictionMode mode, List<Comment> comments)
            throws InputException {
        try {
            CommonTokenStream tokens = new CommonTokenStream(lexer(text, line, charPosition, template));
            HclParser parser = new HclParser(tokens);
            parser.removeErrorListeners();
            T tree = null;
            if (mode == PredictionMode.SLL) {
                parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
                parser.setErrorHandler(new BailErrorStrategy());
                try {
                    tree = rule.apply(parser);
                } catch (ParseCancellationException e) {
                    tokens.seek(0);
                    parser.reset();
                }
            }
            if (tree == null) {
                parser.addErrorListener(SyntaxErrorListener.INSTANCE);
                parser.setErrorHandler(new DefaultErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = rule.apply(parser);
            }
            R built = build.apply(new HclAstBuilder(), tree);
            for (Token token : tokens.getTokens()) {
                addIfComment(token, comments);
            }
            return built;
        } catch (HclSyntaxException e) {
            throw new InputException(e.getMessage(), new Position(e.line, e.column));
        } catch (HclLexerBase.NestingTooDeepException e) {
            throw new InputException(e.getMessage(), new Position(e.line, e.column));
        } catch (StackOverflowError e) {
            throw new InputException("nested too deeply to parse");
        }
    }

    private static void addIfComment(Token token, List<Comment> comments) {
        if (token.getType() == HclLexer.LINE_COMMENT || token.getType() == HclLexer.BLOCK_COMMENT) {
            comments.add(new Comment(HclAstBuilder.range(token), token.getText()));
        }
    }

    /**
     * The lexer's tokens on the default channel: what a CommonTokenStream would give the parser.
     * The comments among the others are kept.
     */
    private static final class DefaultChannel implements TokenSource {
        private final TokenSource source;
        private final List<Comment> comments;

        DefaultChannel(TokenSource source, List<Comment> comments) {
            this.source = source;
            this.comments = comments;
        }

        @Override
        public Token nextToken() {
            Token token = source.nextToken();
            while (token.getChannel() != Token.DEFAULT_CHANNEL && token.getType() != Token.EOF) {
                addIfComment(token, comments);
                token = source.nextToken();
            }
            return token;
        }

        @Override
        public int getLine() {
            return source.getLine();
        }

        @Override
        public int getCharPositionInLine() {
            return source.getCharPositionInLine();
        }

        @Override
        public CharStream getInputStream() {
            return source.getInputStream();
        }

        @Override
        public String getSourceName() {
            return source.getSourceName();
        }

        @Override
        public void setTokenFactory(TokenFactory<?> factory) {
            source.setTokenFactory(factory);
        }

        @Override
        public TokenFactory<?> getTokenFactory() {
            return source.getTokenFactory();
        }
    }

    /**
     * Builds each top-level attribute and block into AST as the parser finishes it, then removes
     * its parse tree (and the top level's newlines) from the file's tree. What building reports
     * (a duplicate attribute, a bad escape) is kept until the parse is over: a syntax error
     * anywhere in the file comes first, as when the whole tree was built before the AST.
     */
    private static final class TopLevelItems implements ParseTreeListener {
        private final HclAstBuilder builder = new HclAstBuilder();
        private final HclAstBuilder.Items items = builder.new Items();
        private RuntimeException failure;

        Body body(HclParser.BodyContext ctx) {
            if (failure != null) {
                throw failure;
            }
            return items.body(HclAstBuilder.range(ctx));
        }

        @Override
        public void exitEveryRule(ParserRuleContext ctx) {
            if ((ctx instanceof HclParser.AttributeContext || ctx instanceof HclParser.BlockContext)
                    && isTopLevel(ctx.getParent())) {
                if (failure == null && ctx.exception == null) {
                    try {
                        items.add(ctx);
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
                dropLastChild(ctx.getParent(), ctx);
            }
        }

        @Override
        public void visitTerminal(TerminalNode node) {
            if (isTopLevel(node.getParent())) {
                dropLastChild((ParserRuleContext) node.getParent(), node);
            }
        }

        @Override
        public void visitErrorNode(ErrorNode node) {
            // the SLL pass bails out at the first error; nothing to keep
        }

        @Override
        public void enterEveryRule(ParserRuleContext ctx) {
            // items are built when they end
        }

        private static boolean isTopLevel(ParseTree parent) {
            return parent instanceof HclParser.BodyContext && parent.getParent() instanceof HclParser.ConfigFileContext;
        }

        private static void dropLastChild(ParserRuleContext parent, ParseTree child) {
            int last = parent.children == null ? -1 : parent.children.size() - 1;
            if (last >= 0 && parent.children.get(last) == child) {
                parent.children.remove(last);
            }
        }
    }
}

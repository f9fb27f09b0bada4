package dev.trailwatch.terraform.hcl;

import dev.trailwatch.terraform.hcl.grammar.HclLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's first syntax error into one message, {@code expected … but found …}, at the
 * offending token's position; ANTLR's default console listener is never installed.
 */
final class SyntaxErrorListener extends BaseErrorListener {
    static final SyntaxErrorListener INSTANCE = new SyntaxErrorListener();

    private static final int[] EXPRESSION_STARTS = {HclLexer.NUMBER, HclLexer.QUOTE, HclLexer.IDENTIFIER,
        HclLexer.LBRACK, HclLexer.LPAREN, HclLexer.MINUS, HclLexer.NOT};

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        String message;
        if (offendingSymbol instanceof Token token && recognizer instanceof Parser parser) {
            message = describe(parser, token);
            Token unclosed = atEnd(token) ? unclosedBracket(parser, token) : null;
            if (unclosed != null) {
                // Where the mistake is: the bracket never closed, not the end of the file far below it.
                throw new HclSyntaxException("this '" + unclosed.getText() + "' is never closed: " + message + " (line "
                        + line + ")", unclosed.getLine(), unclosed.getCharPositionInLine() + 1);
            }
        } else {
            message = msg;
        }
        throw new HclSyntaxException(message, line, charPositionInLine + 1);
    }

    private static boolean atEnd(Token found) {
        return found.getType() == Token.EOF || found.getType() == HclLexer.NEWLINE && found.getText().isEmpty();
    }

    /** The innermost bracket ({, [, (, ${, %{) still open when the file ends, or null when none is. */
    private static Token unclosedBracket(Parser parser, Token found) {
        // At the end of the file the lexer has read everything: what it still holds open is unclosed.
        return parser.getInputStream().getTokenSource() instanceof HclLexer lexer ? lexer.innermostOpenBracket() : null;
    }

    private static String describe(Parser parser, Token found) {
        if (found.getType() == HclLexer.UNTERMINATED_STRING) {
            return "unterminated string: a quoted string may not be split over lines (use \\n or a heredoc)";
        }
        IntervalSet expected;
        try {
            expected = parser.getExpectedTokens();
        } catch (IllegalArgumentException | IllegalStateException e) {
            expected = new IntervalSet();
        }
        boolean atEnd = found.getType() == Token.EOF
                || found.getType() == HclLexer.NEWLINE && found.getText().isEmpty();
        if (expected.contains(HclLexer.HEREDOC_END) && atEnd) {
            return "unterminated heredoc: no line holds only its closing marker before the end of the file";
        }
        String wanted = expectedText(expected);
        return (wanted.isEmpty() ? "unexpected " : "expected " + wanted + " but found ") + foundText(found);
    }

    private static String foundText(Token token) {
        switch (token.getType()) {
            case Token.EOF:
                return "the end of the file";
            case HclLexer.NEWLINE:
                return token.getText().isEmpty() ? "the end of the file" : "a newline";
            case HclLexer.INVALID:
            case HclLexer.TEMPLATE_INVALID:
                return "the invalid character " + character(token.getText());
            case HclLexer.HEREDOC_START:
                return "a heredoc";
            default:
                String text = token.getText();
                return "'" + (text.length() > 30 ? text.substring(0, 30) + "…" : text) + "'";
        }
    }

    /** A character as the user can read it: quoted when printable, else its code point. */
    private static String character(String text) {
        int c = text.isEmpty() ? 0 : text.codePointAt(0);
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("U+%04X", c) : "'" + text + "'";
    }

    private static String expectedText(IntervalSet expected) {
        List<String> names = new ArrayList<>();
        boolean expression = true;
        for (int type : EXPRESSION_STARTS) {
            expression &= expected.contains(type);
        }
        if (expression) {
            names.add("an expression");
        }
        boolean nameExpected = expected.contains(HclLexer.IDENTIFIER);
        for (int type : expected.toList()) {
            if (expression && isExpressionToken(type) || nameExpected && isKeyword(type)) {
                continue; // keywords are names too: "a name" says it
            }
            String name = tokenName(type);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        if (names.size() > 6) {
            names = names.subList(0, 6);
            names.add("…");
        }
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static boolean isKeyword(int type) {
        return type == HclLexer.FOR || type == HclLexer.IN || type == HclLexer.IF || type == HclLexer.ELSE
                || type == HclLexer.ENDIF || type == HclLexer.ENDFOR || type == HclLexer.TRUE
                || type == HclLexer.FALSE || type == HclLexer.NULL;
    }

    private static boolean isExpressionToken(int type) {
        switch (type) {
            case HclLexer.NUMBER: case HclLexer.QUOTE: case HclLexer.IDENTIFIER: case HclLexer.LBRACK:
            case HclLexer.LPAREN: case HclLexer.MINUS: case HclLexer.NOT: case HclLexer.LBRACE:
            case HclLexer.HEREDOC_START: case HclLexer.TRUE: case HclLexer.FALSE: case HclLexer.NULL:
            case HclLexer.IN: case HclLexer.IF: case HclLexer.ELSE: case HclLexer.ENDIF: case HclLexer.ENDFOR:
                return true;
            default:
                return false;
        }
    }

    private static String tokenName(int type) {
        switch (type) {
            case Token.EOF: return "the end of the file";
            case HclLexer.NEWLINE: return "a newline";
            case HclLexer.IDENTIFIER: return "a name";
            case HclLexer.NUMBER: return "a number";
            case HclLexer.QUOTE: return "a string";
            case HclLexer.HEREDOC_START: return "a heredoc";
            case HclLexer.HEREDOC_END: return "the heredoc's closing marker";
            case HclLexer.TEMPLATE_END: return "'\"'";
            case HclLexer.QUOTED_LITERAL: case HclLexer.HEREDOC_LITERAL: return "text";
            case HclLexer.TEMPLATE_INTERP: return "'${'";
            case HclLexer.TEMPLATE_DIRECTIVE: return "'%{'";
            case HclLexer.TEMPLATE_ESCAPE: return null;
            case HclLexer.INVALID: case HclLexer.UNTERMINATED_STRING: case HclLexer.TEMPLATE_INVALID: return null;
            default:
                String literal = HclLexer.VOCABULARY.getLiteralName(type);
                return literal != null ? literal : HclLexer.VOCABULARY.getDisplayName(type);
        }
    }
}

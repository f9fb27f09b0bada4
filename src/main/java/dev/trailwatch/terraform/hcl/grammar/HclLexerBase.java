package dev.trailwatch.terraform.hcl.grammar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The state HCL's lexer keeps beyond ANTLR's modes, so that the grammar (grammar/HclLexer.g4)
 * stays declarative: which brackets are open (newlines are significant only directly inside
 * "{"), which heredocs are open and whether a heredoc line may be its closing marker, and the
 * final newline HCL supplies before the end of input.
 */
public abstract class HclLexerBase extends Lexer {
    /** Deepest bracket nesting accepted; far beyond real configurations, well within the stack. */
    public static final int MAX_NESTING = 200;

    /** Open brackets, innermost last: '{', '(', '[', 'f' for an object for-expression, 'i' for "${" or "%{". */
    private final StringBuilder brackets = new StringBuilder();
    /** Where each open bracket starts and how it is written, innermost last (for "never closed" errors). */
    private final List<Token> openedAt = new ArrayList<>();
    /** Heredoc delimiters, innermost first. */
    private final ArrayDeque<String> heredocs = new ArrayDeque<>();
    private boolean heredocLineStart;
    /** Reading a standalone template (a JSON string): no closing marker, no final newline. */
    private boolean standalone;
    private boolean finalNewlineEmitted;
    /** The type of the last token on the default channel, newlines aside. */
    private int lastSignificantType;
    private Token pendingEof;
    /** Whether the input holds characters beyond the BMP, whose columns need counting in UTF-16 units. */
    private boolean astral;
    /** Where the line being counted starts (an index of the char stream), how far it is counted, and the surplus found. */
    private int countedLineStart = -1;
    private int countedUpTo;
    private int surplus;

    protected HclLexerBase(CharStream input) {
        super(input);
    }

    /**
     * Columns count UTF-16 characters, as elsewhere in trailwatch, while ANTLR counts code points:
     * on an input with characters beyond the BMP (emoji), tokens' columns are converted.
     */
    public void countColumnsInUtf16(boolean astral) {
        this.astral = astral;
    }

    /** The 0-based UTF-16 column of the code point at {@code index}, whose code point column is {@code column}. */
    private int utf16Column(int index, int column) {
        if (!astral) {
            return column;
        }
        int lineStart = Math.max(0, index - column);
        if (lineStart != countedLineStart || index < countedUpTo) {
            countedLineStart = lineStart;
            countedUpTo = lineStart;
            surplus = 0;
        }
        if (index > countedUpTo) {
            String text = _input.getText(Interval.of(countedUpTo, index - 1));
            for (int i = 0; i < text.length(); i++) {
                if (Character.isHighSurrogate(text.charAt(i))) {
                    surplus++;
                }
            }
            countedUpTo = index;
        }
        return column + surplus;
    }

    @Override
    public Token emit() {
        Token token = _factory.create(_tokenFactorySourcePair, _type, _text, _channel, _tokenStartCharIndex,
                getCharIndex() - 1, _tokenStartLine, utf16Column(_tokenStartCharIndex, _tokenStartCharPositionInLine));
        emit(token);
        return token;
    }

    @Override
    public Token emitEOF() {
        int index = _input.index();
        Token eof = _factory.create(_tokenFactorySourcePair, EOF, null, DEFAULT_TOKEN_CHANNEL, index, index - 1,
                getLine(), utf16Column(index, getCharPositionInLine()));
        emit(eof);
        return eof;
    }

    /** Opens a bracket of {@code kind}, just consumed. */
    protected void open(char kind) {
        if (brackets.length() >= MAX_NESTING) {
            // The bracket was just consumed: the position after it is its 1-based column.
            throw new NestingTooDeepException(getLine(), utf16Column(getCharIndex(), getCharPositionInLine()) - 1);
        }
        brackets.append(kind);
        CommonToken at = new CommonToken(_type, getText());
        at.setLine(_tokenStartLine);
        at.setCharPositionInLine(utf16Column(_tokenStartCharIndex, _tokenStartCharPositionInLine));
        openedAt.add(at);
    }

    protected void close() {
        if (brackets.length() > 0) {
            brackets.setLength(brackets.length() - 1);
            openedAt.remove(openedAt.size() - 1);
        }
    }

    /** The innermost bracket still open ({, [, (, ${ or %{), with its position and text; null when none is. */
    public Token innermostOpenBracket() {
        return openedAt.isEmpty() ? null : openedAt.get(openedAt.size() - 1);
    }

    protected boolean newlineSignificant() {
        int n = brackets.length();
        return n == 0 || brackets.charAt(n - 1) == '{';
    }

    /**
     * "{" directly followed by "for" opens an object for-expression, inside which newlines are
     * insignificant, as in HCL: the bracket becomes 'f'.
     */
    protected void markForExpression() {
        int n = brackets.length();
        if (lastSignificantType == HclLexer.LBRACE && n > 0 && brackets.charAt(n - 1) == '{') {
            brackets.setCharAt(n - 1, 'f');
        }
    }

    /** Remembers the delimiter of the heredoc whose opening marker ({@code <<EOT} or {@code <<-EOT}) was just read. */
    protected void startHeredoc() {
        String text = getText();
        int start = text.charAt(2) == '-' ? 3 : 2;
        int end = start;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        heredocs.push(text.substring(start, end));
        heredocLineStart = true;
    }

    /** Lexes the whole input as template text, as HCL reads a JSON string in Terraform's JSON syntax. */
    public void startStandaloneTemplate() {
        standalone = true;
        finalNewlineEmitted = true;
        pushMode(HclLexer.HEREDOC);
    }

    /** A heredoc line that holds only its delimiter (after optional indentation) closes it. */
    protected void heredocText() {
        if (heredocLineStart && !heredocs.isEmpty() && !standalone) {
            String text = getText();
            int i = 0;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            int next = _input.LA(1);
            // Spaces may follow the marker on its line, as HCL allows.
            if (text.substring(i).stripTrailing().equals(heredocs.peek())
                    && (next == '\n' || next == '\r' || next == EOF)) {
                setType(HclLexer.HEREDOC_END);
                heredocs.pop();
                popMode();
            }
        }
        heredocLineStart = false;
    }

    /** Whether the next heredoc text starts a line (and so may be the closing marker). */
    protected void heredocLineStart(boolean atLineStart) {
        heredocLineStart = atLineStart;
    }

    /** A "}" with nothing open to close is a syntax error for the parser, not a lexer failure. */
    @Override
    public int popMode() {
        return _modeStack.isEmpty() ? _mode : super.popMode();
    }

    /** A final newline before the end of input, so that the last attribute or block needs none. */
    @Override
    public Token nextToken() {
        if (pendingEof != null) {
            Token eof = pendingEof;
            pendingEof = null;
            return eof;
        }
        Token token = super.nextToken();
        if (token.getChannel() == DEFAULT_TOKEN_CHANNEL && token.getType() != HclLexer.NEWLINE) {
            lastSignificantType = token.getType();
        }
        if (token.getType() == EOF && !finalNewlineEmitted) {
            finalNewlineEmitted = true;
            pendingEof = token;
            return _factory.create(_tokenFactorySourcePair, HclLexer.NEWLINE, "", DEFAULT_TOKEN_CHANNEL,
                    token.getStartIndex(), token.getStartIndex() - 1, token.getLine(), token.getCharPositionInLine());
        }
        return token;
    }

    /** Thrown when brackets nest deeper than {@link #MAX_NESTING}. */
    public static final class NestingTooDeepException extends RuntimeException {
        public final int line;
        public final int column;

        NestingTooDeepException(int line, int charPositionInLine) {
            super("nested too deeply (more than " + MAX_NESTING + " levels)", null, false, false);
            this.line = line;
            this.column = charPositionInLine + 1;
        }
    }
}

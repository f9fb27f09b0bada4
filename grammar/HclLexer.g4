// HCL native syntax lexer (hashicorp/hcl hclsyntax/spec.md), written for trailwatch.
// Modes: DEFAULT_MODE for structure and expressions, TEMPLATE for quoted strings, HEREDOC for
// heredoc bodies. "${" and "%{" push DEFAULT_MODE and the matching "}" pops it, so quotes and
// braces nest inside interpolations to any depth. Newlines are tokens only where they end an
// attribute or separate object elements (at the top level and directly inside "{"); inside
// "(", "[" and template sequences they go to the hidden channel, as the spec says.
lexer grammar HclLexer;

@header {
package dev.trailwatch.terraform.hcl.grammar;
}

@members {
    /** Deepest bracket nesting accepted; far beyond real configurations, well within the stack. */
    public static final int MAX_NESTING = 200;

    /** Open brackets, innermost last: '{', '(', '[', or 'i' for an interpolation or directive. */
    private final StringBuilder brackets = new StringBuilder();
    /** Heredoc delimiters, innermost first. */
    private final java.util.ArrayDeque<String> heredocs = new java.util.ArrayDeque<>();
    private boolean heredocLineStart;
    /** Reading a standalone template (a JSON string): no closing marker, no final newline. */
    private boolean standalone;
    private boolean finalNewlineEmitted;
    /** The type of the last token on the default channel, newlines aside. */
    private int lastSignificantType;
    private Token pendingEof;

    /** Where each open bracket starts and how it is written, innermost last (for "never closed" errors). */
    private final java.util.ArrayList<Token> openedAt = new java.util.ArrayList<>();

    private void open(char kind) {
        if (brackets.length() >= MAX_NESTING) {
            // The bracket was just consumed: the position after it is its 1-based column.
            throw new NestingTooDeepException(getLine(), getCharPositionInLine() - 1);
        }
        brackets.append(kind);
        org.antlr.v4.runtime.CommonToken at = new org.antlr.v4.runtime.CommonToken(_type, getText());
        at.setLine(_tokenStartLine);
        at.setCharPositionInLine(_tokenStartCharPositionInLine);
        openedAt.add(at);
    }

    private void close() {
        if (brackets.length() > 0) {
            brackets.setLength(brackets.length() - 1);
            openedAt.remove(openedAt.size() - 1);
        }
    }

    /** The innermost bracket still open ({, [, (, ${ or %{), with its position and text; null when none is. */
    public Token innermostOpenBracket() {
        return openedAt.isEmpty() ? null : openedAt.get(openedAt.size() - 1);
    }

    private boolean newlineSignificant() {
        int n = brackets.length();
        return n == 0 || brackets.charAt(n - 1) == '{';
    }

    /**
     * "{" directly followed by "for" opens an object for-expression, inside which newlines are
     * insignificant, as in HCL: the bracket becomes 'f'.
     */
    private void markForExpression() {
        int n = brackets.length();
        if (lastSignificantType == LBRACE && n > 0 && brackets.charAt(n - 1) == '{') {
            brackets.setCharAt(n - 1, 'f');
        }
    }

    private void startHeredoc() {
        String text = getText();
        int start = text.charAt(2) == '-' ? 3 : 2;
        int end = start;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        heredocs.push(text.substring(start, end));
        heredocLineStart = true;
        pushMode(HEREDOC);
    }

    /** Lexes the whole input as template text, as HCL reads a JSON string in Terraform's JSON syntax. */
    public void startStandaloneTemplate() {
        standalone = true;
        finalNewlineEmitted = true;
        pushMode(HEREDOC);
    }

    /** A heredoc line that holds only its delimiter (after optional indentation) closes it. */
    private void heredocText() {
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
                setType(HEREDOC_END);
                heredocs.pop();
                popMode();
            }
        }
        heredocLineStart = false;
    }

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
        if (token.getChannel() == DEFAULT_TOKEN_CHANNEL && token.getType() != NEWLINE) {
            lastSignificantType = token.getType();
        }
        if (token.getType() == EOF && !finalNewlineEmitted) {
            finalNewlineEmitted = true;
            pendingEof = token;
            return _factory.create(_tokenFactorySourcePair, NEWLINE, "", DEFAULT_TOKEN_CHANNEL,
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

tokens { HEREDOC_END, TEMPLATE_INTERP, TEMPLATE_DIRECTIVE, TEMPLATE_ESCAPE, HEREDOC_LITERAL }

// ---- structure and expressions ----

LBRACE : '{' { open('{'); pushMode(DEFAULT_MODE); };
RBRACE : '}' { close(); popMode(); };
LPAREN : '(' { open('('); };
RPAREN : ')' { close(); };
LBRACK : '[' { open('['); };
RBRACK : ']' { close(); };

EQ       : '==';
NEQ      : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
AND      : '&&';
OR       : '||';
NOT      : '!';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';
PERCENT  : '%';
FATARROW : '=>';
ASSIGN   : '=';
QUESTION : '?';
DOUBLE_COLON : '::';
COLON    : ':';
ELLIPSIS : '...';
DOT      : '.';
COMMA    : ',';
TILDE    : '~';

FOR    : 'for' { markForExpression(); };
IN     : 'in';
IF     : 'if';
ELSE   : 'else';
ENDIF  : 'endif';
ENDFOR : 'endfor';
TRUE   : 'true';
FALSE  : 'false';
NULL   : 'null';

NUMBER : DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)?;

IDENTIFIER : ID_START ID_CONTINUE*;

HEREDOC_START : '<<' '-'? ID_START ID_CONTINUE* '\r'? '\n' { startHeredoc(); };

QUOTE : '"' -> pushMode(TEMPLATE);

NEWLINE : '\r'? '\n' { if (!newlineSignificant()) setChannel(HIDDEN); };

WS : [ \t\f]+ -> channel(HIDDEN);

LINE_COMMENT : ('#' | '//') ~[\r\n]* -> channel(HIDDEN);

BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);

// Anything else is a token no parser rule accepts, so it is reported where it stands.
INVALID : .;

fragment DIGIT : [0-9];
fragment ID_START : [\p{L}\p{Nl}_];
fragment ID_CONTINUE : [\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\-];

// ---- quoted templates: "…" ----

mode TEMPLATE;

TEMPLATE_END : '"' -> popMode;
QUOTED_INTERP : '${' { open('i'); pushMode(DEFAULT_MODE); setType(TEMPLATE_INTERP); };
QUOTED_DIRECTIVE : '%{' { open('i'); pushMode(DEFAULT_MODE); setType(TEMPLATE_DIRECTIVE); };
QUOTED_ESCAPE : ('$${' | '%%{') -> type(TEMPLATE_ESCAPE);
QUOTED_LITERAL : (~["$%\\\r\n] | '\\' ~[\r\n])+ | '$' | '%';
// A newline before the closing quote: quoted strings may not span lines.
UNTERMINATED_STRING : '\r'? '\n' -> popMode;
// Anything else (a carriage return alone, a backslash before a newline) is reported, never dropped.
TEMPLATE_INVALID : .;

// ---- heredoc bodies: <<EOT … EOT ----

mode HEREDOC;

HD_INTERP : '${' { open('i'); pushMode(DEFAULT_MODE); heredocLineStart = false; setType(TEMPLATE_INTERP); };
HD_DIRECTIVE : '%{' { open('i'); pushMode(DEFAULT_MODE); heredocLineStart = false; setType(TEMPLATE_DIRECTIVE); };
HD_ESCAPE : ('$${' | '%%{') { heredocLineStart = false; setType(TEMPLATE_ESCAPE); };
HD_TEXT : ~[$%\r\n]+ { setType(HEREDOC_LITERAL); heredocText(); };
HD_SIGN : ('$' | '%') { heredocLineStart = false; setType(HEREDOC_LITERAL); };
HD_NEWLINE : '\r'? '\n' { heredocLineStart = true; setType(HEREDOC_LITERAL); };
// A carriage return that does not end a line is reported, never dropped.
HD_INVALID : . { setType(TEMPLATE_INVALID); };

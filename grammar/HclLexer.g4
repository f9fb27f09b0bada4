// HCL native syntax lexer (hashicorp/hcl hclsyntax/spec.md), written for trailwatch.
// Modes: DEFAULT_MODE for structure and expressions, TEMPLATE for quoted strings, HEREDOC for
// heredoc bodies. "${" and "%{" push DEFAULT_MODE and the matching "}" pops it, so quotes and
// braces nest inside interpolations to any depth. Newlines are tokens only where they end an
// attribute or separate object elements (at the top level and directly inside "{"); inside
// "(", "[" and template sequences they go to the hidden channel, as the spec says.
lexer grammar HclLexer;

// The bracket and heredoc state, and the final newline, are kept in HclLexerBase (Java).
options { superClass = HclLexerBase; }

@header {
package dev.trailwatch.terraform.hcl.grammar;
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

HEREDOC_START : '<<' '-'? ID_START ID_CONTINUE* '\r'? '\n' { startHeredoc(); pushMode(HEREDOC); };

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

HD_INTERP : '${' { open('i'); pushMode(DEFAULT_MODE); heredocLineStart(false); setType(TEMPLATE_INTERP); };
HD_DIRECTIVE : '%{' { open('i'); pushMode(DEFAULT_MODE); heredocLineStart(false); setType(TEMPLATE_DIRECTIVE); };
HD_ESCAPE : ('$${' | '%%{') { heredocLineStart(false); setType(TEMPLATE_ESCAPE); };
HD_TEXT : ~[$%\r\n]+ { setType(HEREDOC_LITERAL); heredocText(); };
HD_SIGN : ('$' | '%') { heredocLineStart(false); setType(HEREDOC_LITERAL); };
HD_NEWLINE : '\r'? '\n' { heredocLineStart(true); setType(HEREDOC_LITERAL); };
// A carriage return that does not end a line is reported, never dropped.
HD_INVALID : . { setType(TEMPLATE_INVALID); };

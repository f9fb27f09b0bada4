// HCL native syntax parser (hashicorp/hcl hclsyntax/spec.md), written for trailwatch. Only
// HclAstBuilder reads its parse trees; the rest of trailwatch sees the immutable AST.
parser grammar HclParser;

options { tokenVocab = HclLexer; }

@header {
package dev.trailwatch.terraform.hcl.grammar;
}

configFile : body EOF;

// A standalone template: a JSON string of a .tf.json file, read as HCL reads it.
standaloneTemplate : templatePart* EOF;

body : (NEWLINE | attribute | block)*;

attribute : identifier ASSIGN expression NEWLINE;

block : identifier blockLabel* LBRACE (NEWLINE body | oneLineAttribute?) RBRACE NEWLINE;

oneLineAttribute : identifier ASSIGN expression;

blockLabel : identifier | quotedTemplate;

expression
    : exprTerm                                                          # termExpression
    | op=(MINUS | NOT) expression                                       # unaryExpression
    | expression op=(STAR | SLASH | PERCENT) expression                 # binaryExpression
    | expression op=(PLUS | MINUS) expression                           # binaryExpression
    | expression op=(LT | GT | LE | GE) expression                      # binaryExpression
    | expression op=(EQ | NEQ) expression                               # binaryExpression
    | expression op=AND expression                                      # binaryExpression
    | expression op=OR expression                                       # binaryExpression
    | <assoc=right> expression QUESTION expression COLON expression      # conditionalExpression
    ;

exprTerm
    : primary                                   # primaryTerm
    | exprTerm LBRACK STAR RBRACK               # fullSplatTerm
    | exprTerm LBRACK expression RBRACK         # indexTerm
    | exprTerm DOT STAR                         # attrSplatTerm
    | exprTerm DOT NUMBER                       # legacyIndexTerm
    | exprTerm DOT identifier                   # getAttrTerm
    ;

primary
    : NUMBER                                    # numberLiteral
    | TRUE                                      # trueLiteral
    | FALSE                                     # falseLiteral
    | NULL                                      # nullLiteral
    | quotedTemplate                            # quotedTemplateExpr
    | heredocTemplate                           # heredocTemplateExpr
    | forTuple                                  # forTupleExpr
    | tuple                                     # tupleExpr
    | forObject                                 # forObjectExpr
    | object                                    # objectExpr
    | functionCall                              # functionCallExpr
    | variableName                              # variableExpr
    | LPAREN expression RPAREN                  # parenthesizedExpr
    ;

tuple : LBRACK (expression (COMMA expression)* COMMA?)? RBRACK;

forTuple : LBRACK FOR identifier (COMMA identifier)? IN expression COLON expression (IF expression)? RBRACK;

object : LBRACE NEWLINE* (objectElement (objectSeparator objectElement)* objectSeparator?)? RBRACE;

objectSeparator : (COMMA | NEWLINE) NEWLINE*;

objectElement : objectKey (ASSIGN | COLON) expression;

objectKey
    : identifier                                # nameKey
    | expression                                # expressionKey
    ;

// Newlines are insignificant anywhere inside an object for-expression.
forObject
    : LBRACE NEWLINE* FOR NEWLINE* identifier (COMMA identifier)? IN NEWLINE* expression NEWLINE* COLON NEWLINE*
      expression NEWLINE* FATARROW NEWLINE* expression ELLIPSIS? NEWLINE* (IF NEWLINE* expression NEWLINE*)? RBRACE
    ;

functionCall : functionName LPAREN (expression (COMMA expression)* (COMMA | ELLIPSIS)?)? RPAREN;

functionName : IDENTIFIER (DOUBLE_COLON IDENTIFIER)*;

quotedTemplate : QUOTE templatePart* TEMPLATE_END;

heredocTemplate : HEREDOC_START templatePart* HEREDOC_END;

templatePart
    : (QUOTED_LITERAL | HEREDOC_LITERAL | TEMPLATE_ESCAPE)+  # literalPart
    | interpolation                                            # interpolationPart
    | ifDirective                                              # ifPart
    | forDirective                                             # forPart
    ;

interpolation : TEMPLATE_INTERP TILDE? expression TILDE? RBRACE;

ifDirective
    : TEMPLATE_DIRECTIVE TILDE? IF expression TILDE? RBRACE thenParts=templateParts
      (TEMPLATE_DIRECTIVE TILDE? ELSE TILDE? RBRACE elseParts=templateParts)?
      TEMPLATE_DIRECTIVE TILDE? ENDIF TILDE? RBRACE
    ;

forDirective
    : TEMPLATE_DIRECTIVE TILDE? FOR identifier (COMMA identifier)? IN expression TILDE? RBRACE templateParts
      TEMPLATE_DIRECTIVE TILDE? ENDFOR TILDE? RBRACE
    ;

templateParts : templatePart*;

// HCL has no reserved words: keywords name attributes, blocks and object keys like any identifier.
identifier : IDENTIFIER | FOR | IN | IF | ELSE | ENDIF | ENDFOR | TRUE | FALSE | NULL;

// "for" opens a for-expression where a collection starts, so it cannot name a variable there.
variableName : IDENTIFIER | IN | IF | ELSE | ENDIF | ENDFOR;

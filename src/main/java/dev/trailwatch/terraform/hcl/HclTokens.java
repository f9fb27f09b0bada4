package dev.trailwatch.terraform.hcl;

import dev.trailwatch.terraform.hcl.grammar.HclLexer;
import dev.trailwatch.terraform.hcl.grammar.HclLexerBase;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Questions asked of many files that need the lexer's tokens but no parse: comments, strings and
 * heredocs are told apart from code, and a file with a syntax error still answers up to its end.
 */
public final class HclTokens {
    private HclTokens() {}

    /**
     * The source of each top-level {@code module} block written as a plain quoted string
     * ({@code source = "../lib"}), as written, in the order of the file.
     */
    public static List<String> moduleSources(String text) {
        List<String> sources = new ArrayList<>();
        HclLexer lexer = HclSyntax.lexer(text, 1, 0, false);
        int depth = 0; // open "{", "${" and "%{": each "}" closes one
        boolean inModule = false; // directly inside a top-level module block
        List<Token> line = new ArrayList<>(); // the current item's tokens at depth 0, or directly in the module
        try {
            for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                    continue;
                }
                int type = t.getType();
                if (type == HclLexer.LBRACE && depth == 0 && isModuleHeader(line)) {
                    inModule = true;
                    line.clear();
                    depth++;
                    continue;
                }
                if (type == HclLexer.RBRACE && depth == 1 && inModule) {
                    addSource(line, sources); // a one-line block: module "m" { source = "../m" }
                    inModule = false;
                    line.clear();
                    depth--;
                    continue;
                }
                if (type == HclLexer.NEWLINE && (depth == 0 || depth == 1 && inModule)) {
                    if (depth == 1) {
                        addSource(line, sources);
                    }
                    line.clear();
                    continue;
                }
                if (type == HclLexer.RBRACE) {
                    depth = Math.max(0, depth - 1);
                }
                if (depth == 0 || depth == 1 && inModule) {
                    line.add(t);
                }
                if (type == HclLexer.LBRACE || type == HclLexer.TEMPLATE_INTERP
                        || type == HclLexer.TEMPLATE_DIRECTIVE) {
                    depth++;
                }
            }
        } catch (HclLexerBase.NestingTooDeepException e) {
            // what came before is still answered; the error is reported when the file is parsed
        }
        return sources;
    }

    /** {@code module "name" {}}: a block (no "=") whose type is module. */
    private static boolean isModuleHeader(List<Token> line) {
        if (line.isEmpty() || line.get(0).getType() != HclLexer.IDENTIFIER || !line.get(0).getText().equals("module")) {
            return false;
        }
        return line.stream().noneMatch(t -> t.getType() == HclLexer.ASSIGN);
    }

    private static void addSource(List<Token> line, List<String> sources) {
        if (line.size() == 5 && line.get(0).getType() == HclLexer.IDENTIFIER && line.get(0).getText().equals("source")
                && line.get(1).getType() == HclLexer.ASSIGN && line.get(2).getType() == HclLexer.QUOTE
                && line.get(3).getType() == HclLexer.QUOTED_LITERAL && line.get(4).getType() == HclLexer.TEMPLATE_END) {
            sources.add(line.get(3).getText());
        }
    }
}

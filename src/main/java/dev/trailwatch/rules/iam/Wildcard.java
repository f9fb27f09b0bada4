package dev.trailwatch.rules.iam;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * IAM's wildcards: {@code *} any run of characters, {@code ?} any one. Action names compare
 * without regard to case ({@code logs:put*} matches {@code logs:PutLogEvents}); resource ARNs
 * compare exactly.
 */
public final class Wildcard {
    private Wildcard() {}

    public static boolean actionMatches(String pattern, String action) {
        return glob(pattern.toLowerCase(Locale.ROOT)).matcher(action.toLowerCase(Locale.ROOT)).matches();
    }

    public static boolean resourceMatches(String pattern, String resource) {
        return glob(pattern).matcher(resource).matches();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}

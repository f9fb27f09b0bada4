package dev.trailwatch.cli;

import java.util.Locale;

/**
 * Whether the text report is coloured: {@code --color always|never|auto}. {@code auto} (the
 * default) means only on a terminal, as picocli detects it (on JDK 22+ {@code System.console()}
 * is there even when output is redirected, so it alone would put escape codes into files and
 * editors' problem matchers), and never when {@code NO_COLOR} is set (no-color.org). An explicit
 * {@code --color always} wins over {@code NO_COLOR}.
 */
enum ColourChoice {
    AUTO, ALWAYS, NEVER;

    /** The choice a --color value names, or null when it names none. */
    static ColourChoice parse(String value) {
        for (ColourChoice choice : values()) {
            if (choice.name().equals(value.toUpperCase(Locale.ROOT))) {
                return choice;
            }
        }
        return null;
    }

    boolean enabled(boolean noColorSet, boolean terminal) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> terminal && !noColorSet;
        };
    }
}

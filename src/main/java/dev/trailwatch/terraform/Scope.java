package dev.trailwatch.terraform;

import dev.trailwatch.model.Value;
import java.util.HashMap;
import java.util.Map;

/** Names bound while evaluating: {@code each}, {@code count}, for-expression variables, the splat element. */
final class Scope {
    static final Scope EMPTY = new Scope(Map.of());
    static final String SPLAT_ELEMENT = "\u0000splat";

    private final Map<String, Value> names;

    private Scope(Map<String, Value> names) {
        this.names = names;
    }

    Value get(String name) {
        return names.get(name);
    }

    boolean has(String name) {
        return names.containsKey(name);
    }

    Scope with(String name, Value value) {
        Map<String, Value> more = new HashMap<>(names);
        more.put(name, value);
        return new Scope(more);
    }
}

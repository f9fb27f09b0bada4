package dev.trailwatch.terraform;

import dev.trailwatch.model.Value;
import dev.trailwatch.source.InputError;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The work one Terraform configuration may cost: module instances, instances of one {@code count}
 * or {@code for_each}, the size of any value (a for expression's result, a flattened list, a
 * string) and evaluation steps. A configuration past a budget ends in one error at the construct
 * that exceeded it, never a hang or an out-of-memory. The defaults are far above real estates;
 * {@code --limit NAME=N} raises one for the rare giant.
 */
public final class Budget {
    /** The limits by name, as {@code --limit} takes them, with their defaults. */
    public static final Map<String, Long> DEFAULTS;

    static {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("module-instances", 10_000L);
        defaults.put("instances", 1_000L);
        defaults.put("value-size", 100_000L);
        defaults.put("string-length", 1_000_000L);
        defaults.put("evaluation-steps", 2_000_000L);
        DEFAULTS = java.util.Collections.unmodifiableMap(defaults);
    }

    private static volatile Map<String, Long> limits = DEFAULTS;
    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

    /** A budget exceeded: where, and which. */
    static final class Exceeded extends RuntimeException {
        private final InputError error;

        Exceeded(InputError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        InputError error() {
            return error;
        }
    }

    private final long maxModuleInstances = limits.get("module-instances");
    private final long maxInstances = limits.get("instances");
    private final long maxValueSize = limits.get("value-size");
    private final long maxStringLength = limits.get("string-length");
    private final long maxSteps = limits.get("evaluation-steps");
    private long moduleInstances;
    private long steps;
    /** Sizes of the collections seen, by the identity of their item list or entry map (shared when rewrapped). */
    private final Map<Object, Long> sizes = new IdentityHashMap<>();

    private Budget() {}

    /**
     * Sets the limits of the scans that follow; names not given keep their defaults.
     *
     * @throws IllegalArgumentException for an unknown name or a limit below 1
     */
    public static void configure(Map<String, Long> given) {
        Map<String, Long> all = new LinkedHashMap<>(DEFAULTS);
        for (Map.Entry<String, Long> limit : given.entrySet()) {
            String name = limit.getKey().toLowerCase(Locale.ROOT);
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown limit '" + limit.getKey() + "'; known: "
                        + String.join(", ", DEFAULTS.keySet()));
            }
            if (limit.getValue() < 1) {
                throw new IllegalArgumentException("limit " + name + " must be at least 1");
            }
            all.put(name, limit.getValue());
        }
        limits = java.util.Collections.unmodifiableMap(all);
    }

    /** Runs the evaluation of one configuration with a fresh budget on this thread. */
    static <T> T run(Supplier<T> evaluation) {
        Budget previous = CURRENT.get();
        CURRENT.set(new Budget());
        try {
            return evaluation.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** One evaluation step, at the expression being evaluated. */
    static void step(Range at, SourceFile file) {
        Budget budget = CURRENT.get();
        if (budget != null && ++budget.steps > budget.maxSteps) {
            throw exceeded(file, at, "evaluating this configuration takes more than " + budget.maxSteps
                    + " steps (--limit evaluation-steps=N)");
        }
    }

    /** One more module instance, made by the call at {@code at}. */
    static void moduleInstance(Range at, SourceFile file) {
        Budget budget = CURRENT.get();
        if (budget != null && ++budget.moduleInstances > budget.maxModuleInstances) {
            throw exceeded(file, at, "module call expands to more than " + budget.maxModuleInstances
                    + " module instances in this configuration (--limit module-instances=N)");
        }
    }

    /** The most instances one count or for_each may make here (the default outside a budgeted run). */
    static long maxInstances() {
        Budget budget = CURRENT.get();
        return budget == null ? 1000 : budget.maxInstances;
    }

    /** The number of instances a literal {@code count} makes (null: not known, nothing to count). */
    static void count(java.math.BigDecimal count, Range at, SourceFile file) {
        Budget budget = CURRENT.get();
        if (budget != null && count != null && count.compareTo(java.math.BigDecimal.valueOf(budget.maxInstances)) > 0) {
            throw exceeded(file, at, "count expands to " + count.toPlainString() + " instances, more than "
                    + budget.maxInstances + " (--limit instances=N)");
        }
    }

    /** The number of instances a {@code for_each} collection makes. */
    static void instances(Value collection, String construct, Range at, SourceFile file) {
        long count = collection instanceof Value.MapValue m ? m.entries().size()
                : collection instanceof Value.ListValue l ? l.items().size() : 0;
        Budget budget = CURRENT.get();
        if (budget != null && count > budget.maxInstances) {
            throw exceeded(file, at, construct + " expands to " + count + " instances, more than "
                    + budget.maxInstances + " (--limit instances=N)");
        }
    }

    /** The value, when it is within the size and string-length budgets. */
    static Value checked(Value value, Range at, SourceFile file) {
        Budget budget = CURRENT.get();
        if (budget == null) {
            return value;
        }
        if (value instanceof Value.Text t && t.text().length() > budget.maxStringLength) {
            throw exceeded(file, at, "a string of " + t.text().length() + " characters, more than "
                    + budget.maxStringLength + " (--limit string-length=N)");
        }
        long size = budget.size(value);
        if (size > budget.maxValueSize) {
            throw exceeded(file, at, "a value of more than " + budget.maxValueSize
                    + " elements (--limit value-size=N)");
        }
        return value;
    }

    /**
     * Elements of a value, counted as often as they occur (a list holding one list twice counts it
     * twice), of the larger branch of an undecided condition.
     */
    private long size(Value value) {
        if (value instanceof Value.Substituted s) {
            return size(s.value());
        }
        Object key;
        if (value instanceof Value.Conditional) {
            key = value;
        } else if (value instanceof Value.ListValue l) {
            key = l.items();
        } else if (value instanceof Value.MapValue m) {
            key = m.entries();
        } else if (value instanceof Value.Concatenation c) {
            key = c.parts();
        } else {
            return 1;
        }
        Long known = sizes.get(key);
        if (known != null) {
            return known;
        }
        long total = 1;
        if (value instanceof Value.Conditional c) {
            // One branch is the value: conditions nested in conditions are summarised by the rules, not walked.
            total = saturate(1 + Math.max(size(c.whenTrue()), size(c.whenFalse())));
        } else if (value instanceof Value.MapValue m) {
            for (Value.Entry entry : m.entries().values()) {
                total = saturate(total + size(entry.value()));
            }
        } else {
            for (Value item : value instanceof Value.ListValue l ? l.items() : ((Value.Concatenation) value).parts()) {
                total = saturate(total + size(item));
            }
        }
        sizes.put(key, total);
        return total;
    }

    private static long saturate(long n) {
        return n < 0 ? Long.MAX_VALUE : Math.min(n, Long.MAX_VALUE / 4);
    }

    private static Exceeded exceeded(SourceFile file, Range at, String message) {
        return new Exceeded(new InputError(file == null ? "" : file.displayPath(), at == null ? null : at.start(),
                message));
    }
}

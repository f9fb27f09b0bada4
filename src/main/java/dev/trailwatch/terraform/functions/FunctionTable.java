package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.Range;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Terraform functions that matter for ARNs and policies, by name, each evaluated on known
 * arguments. Any other function, or one whose arguments are not known, gives
 * {@link Value.Unknown} with the reason; one Terraform would fail on gives a
 * {@linkplain Failures failure}.
 */
public final class FunctionTable {
    /** At most this many undecided conditions among a call's arguments are followed (2^n calls). */
    private static final int MAX_DISTRIBUTED_CONDITIONS = 4;

    private static final Map<String, TerraformFunction> FUNCTIONS = table(StringFunctions.all(),
            FormatFunctions.all(), CollectionFunctions.all(), SetFunctions.all(), ConversionFunctions.all(),
            EncodingFunctions.all(), FilesystemFunctions.all(), NumericFunctions.all());

    private FunctionTable() {}

    /** The names of the functions evaluated here. */
    static Set<String> names() {
        return FUNCTIONS.keySet();
    }

    @SafeVarargs
    private static Map<String, TerraformFunction> table(Map<String, TerraformFunction>... families) {
        Map<String, TerraformFunction> all = new HashMap<>();
        for (Map<String, TerraformFunction> family : families) {
            family.forEach((name, function) -> {
                if (all.putIfAbsent(name, function) != null) {
                    throw new IllegalStateException("function " + name + " is registered twice");
                }
            });
        }
        return Map.copyOf(all);
    }

    /**
     * The call of function {@code name} on evaluated arguments. A call whose argument is an
     * undecided condition is the condition over the call on each branch, so that
     * {@code coalesce(var.x ? "" : null, "a")} and {@code lower(c ? "A" : "B")} stay known on
     * each branch.
     */
    public static Value call(String name, List<Value> args, Range range) {
        return distributing(name, args, range, MAX_DISTRIBUTED_CONDITIONS);
    }

    private static Value distributing(String name, List<Value> args, Range range, int budget) {
        if (budget > 0) {
            for (int i = 0; i < args.size(); i++) {
                if (Values.unwrap(args.get(i)) instanceof Value.Conditional c) {
                    List<Value> whenTrue = new ArrayList<>(args);
                    whenTrue.set(i, rewrap(args.get(i), c.whenTrue()));
                    List<Value> whenFalse = new ArrayList<>(args);
                    whenFalse.set(i, rewrap(args.get(i), c.whenFalse()));
                    Value onTrue = distributing(name, whenTrue, range, budget - 1);
                    Value onFalse = distributing(name, whenFalse, range, budget - 1);
                    // coalesce(c ? "" : null, "a") is "a" either way: the condition does not matter.
                    return onTrue.equals(onFalse) ? onTrue
                            : new Value.Conditional(c.condition(), onTrue, onFalse, range);
                }
            }
        }
        return apply(name, args, range);
    }

    private static Value apply(String name, List<Value> args, Range range) {
        TerraformFunction function = FUNCTIONS.get(name);
        if (function == null) {
            return new Value.Unknown("function " + name + "() is not evaluated", range);
        }
        try {
            return function.apply(new Arguments(args, range));
        } catch (Arguments.NotEvaluated e) {
            return new Value.Unknown("function " + name + "() is not evaluated", range);
        } catch (Arguments.NotKnown e) {
            return new Value.Unknown(name + "() of a value not known statically", range);
        } catch (Arguments.Failed | GoRegex.Rejected e) {
            return Failures.failure(name + "(): " + e.getMessage(), range);
        } catch (GoRegex.NotTranslated e) {
            return new Value.Unknown("function " + name + "() with this pattern is not evaluated", range);
        }
    }

    /** {@code inner} in place of the value a substitution wraps, keeping where it came from. */
    private static Value rewrap(Value wrapper, Value inner) {
        if (wrapper instanceof Value.Substituted s) {
            return new Value.Substituted(rewrap(s.value(), inner), s.range(), s.origin(), s.originDescription());
        }
        return inner;
    }
}

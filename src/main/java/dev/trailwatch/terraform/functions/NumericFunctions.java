package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Value;
import java.math.BigDecimal;
import java.util.Map;

/** Terraform's numeric functions that configurations use on counts and sizes: min() and max(). */
final class NumericFunctions {
    private NumericFunctions() {}

    static Map<String, TerraformFunction> all() {
        return Map.of("min", args -> best(args, -1), "max", args -> best(args, 1));
    }

    /** The argument whose comparison with every other has the sign {@code sign} (or is equal). */
    private static Value best(Arguments args, int sign) {
        if (args.size() == 0) {
            throw new Arguments.NotEvaluated();
        }
        BigDecimal best = null;
        for (int i = 0; i < args.size(); i++) {
            BigDecimal n = args.number(i);
            if (best == null || Integer.signum(n.compareTo(best)) == sign) {
                best = n;
            }
        }
        return new Value.Number(best.toPlainString(), args.range());
    }
}

package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import java.math.BigDecimal;
import java.util.Map;

/** Terraform's type conversions, and sensitive()/nonsensitive(), which leave the value as it is. */
final class ConversionFunctions {
    private ConversionFunctions() {}

    static Map<String, TerraformFunction> all() {
        return Map.of(
                "tostring", ConversionFunctions::tostring,
                "tonumber", ConversionFunctions::tonumber,
                "tobool", ConversionFunctions::tobool,
                "tolist", args -> new Value.ListValue(args.list(0), args.range()),
                "toset", args -> new Value.ListValue(SetFunctions.sorted(args.list(0)), args.range()),
                "tomap", args -> args.map(0),
                "sensitive", ConversionFunctions::same,
                "nonsensitive", ConversionFunctions::same);
    }

    private static Value tostring(Arguments args) {
        Value v = args.unwrapped(0);
        if (v instanceof Value.Null) {
            return args.get(0);
        }
        if (v instanceof Value.ListValue || v instanceof Value.MapValue) {
            throw new Arguments.Failed("a collection cannot be converted to a string");
        }
        if (v instanceof Value.Reference || v instanceof Value.Concatenation) {
            return args.get(0); // an attribute such as an ARN is a string already
        }
        String s = args.text(0);
        return new Value.Text(v instanceof Value.Number ? Conversions.canonicalNumber(s) : s, args.range());
    }

    private static Value tonumber(Arguments args) {
        if (args.unwrapped(0) instanceof Value.Null) {
            return args.get(0);
        }
        BigDecimal n = Conversions.parseNumber(args.text(0).strip());
        if (n == null) {
            throw new Arguments.Failed("not a number");
        }
        return new Value.Number(n.stripTrailingZeros().toPlainString(), args.range());
    }

    private static Value tobool(Arguments args) {
        if (args.unwrapped(0) instanceof Value.Null) {
            return args.get(0);
        }
        Trilean b = Conversions.bool(args.get(0));
        if (!b.isKnown()) {
            throw new Arguments.NotKnown();
        }
        return new Value.Bool(b.isTrue(), args.range());
    }

    private static Value same(Arguments args) {
        if (args.size() != 1) {
            throw new Arguments.NotEvaluated();
        }
        return args.get(0);
    }
}

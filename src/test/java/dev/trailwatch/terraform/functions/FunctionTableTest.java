package dev.trailwatch.terraform.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.model.Value;
import dev.trailwatch.source.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every function on every combination of odd arguments gives a value: a result, an unknown or a
 * Terraform failure. No exception escapes, since none is caught as "bad input" any more: one
 * would be a bug, reported as an internal error.
 */
class FunctionTableTest {
    private static final Range AT = Range.of(1, 1, 1, 2);

    private static List<Value> samples() {
        Map<String, Value.Entry> map = new LinkedHashMap<>();
        map.put("a", new Value.Entry("a", AT, new Value.Text("x", AT)));
        map.put("n", new Value.Entry("n", AT, new Value.Null(AT)));
        return List.of(new Value.Text("a", AT), new Value.Text("", AT), new Value.Text("%", AT),
                new Value.Text("%-999999999s", AT), new Value.Text("/(a/", AT), new Value.Text("(a)|$1", AT),
                new Value.Text("[1e5000, 2]", AT), new Value.Number("1", AT), new Value.Number("-1", AT),
                new Value.Number("1.5", AT), new Value.Number("1e5000", AT), new Value.Number("99999999999", AT),
                new Value.Bool(true, AT), new Value.Null(AT), new Value.ListValue(List.of(), AT),
                new Value.ListValue(List.of(new Value.Number("1e5000", AT), new Value.Number("2", AT),
                        new Value.Null(AT), new Value.ListValue(List.of(), AT)), AT),
                new Value.MapValue(map, AT), new Value.Reference("aws_x.y", "arn", AT),
                new Value.Unknown("not known", AT),
                new Value.Conditional("var.c", new Value.Text("a", AT), new Value.Null(AT), AT),
                new Value.Substituted(new Value.Text("1", AT), AT, null, "variable v"),
                new Value.Concatenation(List.of(new Value.Text("a", AT), new Value.Unknown("not known", AT)), AT));
    }

    @Test
    void noFunctionThrowsOnAnyArguments() {
        List<Value> samples = samples();
        // A third argument is a number (substr, slice, range), text (replace) or a default (lookup).
        List<Value> thirdArguments = List.of(samples.get(0), samples.get(7), samples.get(8), samples.get(13));
        List<List<Value>> argumentLists = new ArrayList<>();
        argumentLists.add(List.of());
        for (Value a : samples) {
            argumentLists.add(List.of(a));
            for (Value b : samples) {
                argumentLists.add(List.of(a, b));
                for (Value c : thirdArguments) {
                    argumentLists.add(List.of(a, b, c));
                }
            }
        }
        List<String> thrown = new ArrayList<>();
        for (String name : new TreeSet<>(FunctionTable.names())) {
            for (List<Value> args : argumentLists) {
                try {
                    assertTrue(FunctionTable.call(name, args, AT) != null);
                } catch (RuntimeException e) {
                    thrown.add(name + args + ": " + e);
                    break; // one case of a function is enough to name it
                }
            }
        }
        assertEquals(List.of(), thrown);
    }
}

package dev.trailwatch.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trailwatch.model.Suppression;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.scan.FileCollector;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.source.InputError;
import dev.trailwatch.source.Location;
import dev.trailwatch.source.Position;
import dev.trailwatch.source.Range;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records whose equals and hashCode are written out rather than generated (a generated one is
 * linked through method handles on first use, which costs start-up): each must still compare every
 * component, as the generated ones do, so that a component added later and left out fails here.
 */
class WrittenEqualsTest {
    static Stream<Class<?>> records() throws ClassNotFoundException {
        return Stream.of(Position.class, Range.class, Location.class, InputError.class, Finding.class,
                Finding.ResourceRef.class, Finding.Related.class, Finding.Suppressed.class,
                FileCollector.Candidate.class, ScanResult.Check.class,
                Class.forName("dev.trailwatch.rules.TextForm$1State")); // TextForm.within's search state
    }

    @ParameterizedTest
    @MethodSource("records")
    void everyComponentCountsInEqualsAndHashCode(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);
        Object[] values = Arrays.stream(components).map(c -> sample(c.getType(), 0)).toArray();
        Object one = canonical.newInstance(values);
        Object same = canonical.newInstance(Arrays.stream(components).map(c -> sample(c.getType(), 0)).toArray());
        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertNotEquals(one, null);
        assertNotEquals(one, "another type");
        for (int i = 0; i < components.length; i++) {
            Object[] changed = values.clone();
            changed[i] = sample(components[i].getType(), 1);
            Object other = canonical.newInstance(changed);
            String component = type.getSimpleName() + "." + components[i].getName();
            assertNotEquals(one, other, component + " does not count in equals");
            assertNotEquals(other, one, component + " does not count in equals");
            assertNotEquals(one.hashCode(), other.hashCode(), component + " does not count in hashCode");
        }
    }

    /** Two different values (which = 0 or 1) of each component type these records have. */
    private static Object sample(Class<?> type, int which) {
        if (type == int.class) {
            return 1 + which;
        }
        if (type == String.class) {
            return which == 0 ? "a" : "b";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[which];
        }
        if (type == Position.class) {
            return new Position(1, 1 + which);
        }
        if (type == Range.class) {
            return new Range(new Position(1, 1), new Position(1, 2 + which));
        }
        if (type == Location.class) {
            return new Location("main.tf", Range.of(1, 1, 1, 2 + which));
        }
        if (type == List.class) {
            return which == 0 ? List.of() : List.of(new Finding.Related(new Location("main.tf", Range.of(1, 1, 1, 2)),
                    "related"));
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 1 + which);
        }
        if (type == Path.class) {
            return Path.of(which == 0 ? "a.tf" : "b.tf");
        }
        if (type == BitSet.class) {
            BitSet bits = new BitSet();
            bits.set(which);
            return bits;
        }
        if (type == Finding.ResourceRef.class) {
            return new Finding.ResourceRef("AWS::CloudTrail::Trail", which == 0 ? "Trail" : "Other", "Trail");
        }
        if (type == Finding.Suppressed.class) {
            return new Finding.Suppressed(Suppression.Kind.INLINE, which == 0 ? "reason" : "another", null);
        }
        throw new AssertionError("no sample values for " + type + ": add them here");
    }
}

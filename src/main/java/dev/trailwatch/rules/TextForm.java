package dev.trailwatch.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A set of strings written as a sequence of atoms, each one character from a set or any number
 * of them: what a partly known value can be ({@code arn:} then a region then {@code :logs:} …),
 * what CloudTrail accepts, or what an IAM resource pattern matches. Two questions are asked of
 * them, both answered exactly by walking the two sequences together (no regular expressions, no
 * backtracking): can they share a string, and is every string of one in the other.
 *
 * <p>Characters are ASCII ones, each its own symbol, and one symbol for all others: AWS names and
 * ARNs are ASCII, and a non-ASCII character only ever stands for "not what is expected".
 */
final class TextForm {
    /** The symbol that stands for every non-ASCII character. */
    static final int OTHER = 128;
    private static final int SYMBOLS = 129;
    static final BitSet ANY_CHARACTER = range(0, SYMBOLS);

    /** One character from {@code chars}, or with {@code repeat} any number of them (none included). */
    record Atom(BitSet chars, boolean repeat) {}

    private final List<Atom> atoms;
    /**
     * This form made deterministic, as far as it has been asked: for each set of positions, where
     * each character leads. Built lazily and kept only for a shared form (the forms CloudTrail
     * accepts, asked about again and again); null for a form made for one question, where keeping
     * it cost more than it saved (a 20 MB .tf of trails: 6% of the run).
     */
    private final Map<BitSet, AtomicReferenceArray<BitSet>> transitions;

    private TextForm(List<Atom> atoms, boolean shared) {
        this.atoms = List.copyOf(atoms);
        this.transitions = shared ? new ConcurrentHashMap<>() : null;
    }

    static Builder builder() {
        return new Builder();
    }

    static TextForm literal(String text) {
        return builder().text(text).build();
    }

    /** Builds a form piece by piece. */
    static final class Builder {
        private final List<Atom> atoms = new ArrayList<>();

        Builder text(String text) {
            for (int i = 0; i < text.length(); i++) {
                atoms.add(new Atom(symbol(text.charAt(i)), false));
            }
            return this;
        }

        /** At least {@code min} characters from {@code chars}; exactly {@code min} when {@code exact}. */
        Builder some(BitSet chars, int min, boolean exact) {
            for (int i = 0; i < min; i++) {
                atoms.add(new Atom(chars, false));
            }
            if (!exact) {
                atoms.add(new Atom(chars, true));
            }
            return this;
        }

        Builder anything() {
            return some(ANY_CHARACTER, 0, false);
        }

        Builder one(BitSet chars) {
            return some(chars, 1, true);
        }

        Builder form(TextForm other) {
            atoms.addAll(other.atoms);
            return this;
        }

        TextForm build() {
            return new TextForm(atoms, false);
        }

        /** A form asked about again and again (a constant): where each character leads is remembered. */
        TextForm buildShared() {
            return new TextForm(atoms, true);
        }
    }

    /** The set of characters a range specification names: {@code a-z0-9._-} (a trailing hyphen is itself). */
    static BitSet characters(String spec) {
        BitSet set = new BitSet(SYMBOLS);
        for (int i = 0; i < spec.length(); i++) {
            char from = spec.charAt(i);
            if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
                set.or(range(from, spec.charAt(i + 2) + 1));
                i += 2;
            } else {
                set.set(from);
            }
        }
        return set;
    }

    /** Every character but these. */
    static BitSet except(String chars) {
        BitSet set = (BitSet) ANY_CHARACTER.clone();
        for (int i = 0; i < chars.length(); i++) {
            set.clear(chars.charAt(i));
        }
        return set;
    }

    private static BitSet symbol(char c) {
        return SINGLE[c < OTHER ? c : OTHER];
    }

    /** One set per symbol, shared by every form (atoms' sets are never changed once built). */
    private static final BitSet[] SINGLE = singles();

    private static BitSet[] singles() {
        BitSet[] sets = new BitSet[SYMBOLS];
        for (int symbol = 0; symbol < SYMBOLS; symbol++) {
            sets[symbol] = new BitSet(SYMBOLS);
            sets[symbol].set(symbol);
        }
        return sets;
    }

    private static BitSet range(int from, int to) {
        BitSet set = new BitSet(SYMBOLS);
        set.set(from, to);
        return set;
    }

    /** Whether some string is in both forms. */
    boolean intersects(TextForm other) {
        int n = atoms.size();
        int m = other.atoms.size();
        boolean[][] seen = new boolean[n + 1][m + 1];
        Deque<int[]> work = new ArrayDeque<>();
        seen[0][0] = true;
        work.add(new int[] {0, 0});
        while (!work.isEmpty()) {
            int[] at = work.poll();
            int i = at[0];
            int j = at[1];
            if (i == n && j == m) {
                return true;
            }
            Atom a = i < n ? atoms.get(i) : null;
            Atom b = j < m ? other.atoms.get(j) : null;
            if (a != null && a.repeat()) {
                visit(seen, work, i + 1, j); // the repetition ends
            }
            if (b != null && b.repeat()) {
                visit(seen, work, i, j + 1);
            }
            if (a != null && b != null && a.chars().intersects(b.chars())) {
                visit(seen, work, a.repeat() ? i : i + 1, b.repeat() ? j : j + 1);
            }
        }
        return false;
    }

    private static void visit(boolean[][] seen, Deque<int[]> work, int i, int j) {
        if (!seen[i][j]) {
            seen[i][j] = true;
            work.add(new int[] {i, j});
        }
    }

    /**
     * Whether every string of this form is in {@code other}: the other form is made deterministic
     * (sets of its positions), and this form is walked against it looking for a string the other
     * does not accept.
     */
    boolean within(TextForm other) {
        int n = atoms.size();
        record State(int position, BitSet other) {
            // equals and hashCode written out, as Position's (start-up).
            @Override
            public boolean equals(Object that) {
                return that instanceof State state && position == state.position && other.equals(state.other);
            }

            @Override
            public int hashCode() {
                return 31 * position + other.hashCode();
            }
        }
        Set<State> seen = new HashSet<>();
        Deque<State> work = new ArrayDeque<>();
        State start = new State(0, other.closure(bits(0)));
        seen.add(start);
        work.add(start);
        while (!work.isEmpty()) {
            State state = work.poll();
            if (state.other().isEmpty()) {
                return false; // this form goes on (every atom has a character), the other cannot
            }
            int i = state.position();
            if (i == n && !state.other().get(other.atoms.size())) {
                return false;
            }
            if (i == n) {
                continue;
            }
            Atom a = atoms.get(i);
            if (a.repeat()) {
                State skip = new State(i + 1, state.other());
                if (seen.add(skip)) {
                    work.add(skip);
                }
            }
            // One character of each class the other form cannot tell apart here: all of a class
            // lead to the same positions of the other form (where it goes depends only on which of
            // its atoms at those positions take the character), so one stands for the rest.
            for (BitSet sameHere : other.classes(a.chars(), state.other())) {
                State after = new State(a.repeat() ? i : i + 1, other.next(state.other(), sameHere.nextSetBit(0)));
                if (seen.add(after)) {
                    work.add(after);
                }
            }
        }
        return true;
    }

    /**
     * {@code chars} split by which of this form's atoms at {@code positions} take each character:
     * within a part, every character leads from these positions to the same ones.
     */
    private List<BitSet> classes(BitSet chars, BitSet positions) {
        if (chars.cardinality() == 1) {
            return List.of(chars); // one character (most atoms: a form's literal text) is one class
        }
        List<BitSet> parts = new ArrayList<>();
        parts.add(chars);
        for (int p = positions.nextSetBit(0); p >= 0 && p < atoms.size(); p = positions.nextSetBit(p + 1)) {
            BitSet taken = atoms.get(p).chars();
            List<BitSet> split = new ArrayList<>(parts.size() * 2);
            for (BitSet part : parts) {
                if (!part.intersects(taken)) {
                    split.add(part);
                    continue;
                }
                BitSet in = (BitSet) part.clone();
                in.and(taken);
                BitSet out = (BitSet) part.clone();
                out.andNot(taken);
                split.add(in);
                if (!out.isEmpty()) {
                    split.add(out);
                }
            }
            parts = split;
        }
        return parts;
    }

    /** Where a character leads from a set of this form's positions (remembered for a shared form). */
    private BitSet next(BitSet positions, int symbol) {
        if (transitions == null) {
            return step(positions, symbol);
        }
        // Forms are shared by every thread of a scan: a row's cells are published safely (a plain
        // array could show another thread a BitSet not yet filled in). A row is read with get, as
        // computeIfAbsent locks its bin even to find a row that is there.
        AtomicReferenceArray<BitSet> row = transitions.get(positions);
        if (row == null) {
            row = transitions.computeIfAbsent(positions, k -> new AtomicReferenceArray<>(SYMBOLS));
        }
        BitSet next = row.get(symbol);
        if (next == null) {
            next = step(positions, symbol);
            row.set(symbol, next); // two threads may both compute it: the same value
        }
        return next;
    }

    private static BitSet bits(int position) {
        BitSet set = new BitSet();
        set.set(position);
        return set;
    }

    /** The positions reachable without reading a character (past repetitions that may be empty). */
    private BitSet closure(BitSet positions) {
        BitSet out = (BitSet) positions.clone();
        for (int p = out.nextSetBit(0); p >= 0 && p < atoms.size(); p = out.nextSetBit(p + 1)) {
            if (atoms.get(p).repeat()) {
                out.set(p + 1);
            }
        }
        return out;
    }

    private BitSet step(BitSet positions, int symbol) {
        BitSet next = new BitSet();
        for (int p = positions.nextSetBit(0); p >= 0 && p < atoms.size(); p = positions.nextSetBit(p + 1)) {
            Atom a = atoms.get(p);
            if (a.chars().get(symbol)) {
                next.set(a.repeat() ? p : p + 1);
            }
        }
        return closure(next);
    }
}

package dev.trailwatch.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A path glob matched in time linear in the path's length (times the glob's), however the glob is
 * written: it is compiled to a small nondeterministic automaton whose states are all followed at
 * once, so there is no backtracking to explode. {@code *} and {@code ?} stay within a folder name,
 * {@code **} crosses folders, {@code **}{@code /} also matches no folder at all, {@code [a-z]},
 * {@code [!a]} (or {@code [^a]}), {@code {a,b}} (not nested) and {@code \} escaping the next
 * character. Paths use {@code /} between names.
 */
public final class Glob {
    /** A glob that cannot be compiled; {@link #index()} is the 0-based offset of the problem in it. */
    public static final class InvalidGlobException extends Exception {
        private final int index;

        InvalidGlobException(String message, int index) {
            super(message, null, false, false);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private static final int MATCH = 0;
    private static final int CHAR = 1;
    private static final int NOT_SLASH = 2;
    private static final int ANY = 3;
    private static final int CLASS = 4;
    private static final int SPLIT = 5;

    /** Limits that keep one glob's automaton small. */
    static final int MAX_LENGTH = 4096;

    private final String text;
    private final int[] types;
    private final char[] chars;
    private final int[][] outs;
    private final CharClass[] classes;
    private final int start;

    private Glob(String text, Builder builder, int start) {
        this.text = text;
        int n = builder.types.size();
        this.types = new int[n];
        this.chars = new char[n];
        this.outs = new int[n][];
        this.classes = new CharClass[n];
        for (int i = 0; i < n; i++) {
            types[i] = builder.types.get(i);
            chars[i] = builder.chars.get(i);
            outs[i] = builder.outs.get(i);
            classes[i] = builder.classes.get(i);
        }
        this.start = start;
    }

    /** Compiles a glob that matches the whole path. */
    public static Glob compile(String glob) throws InvalidGlobException {
        return compile(glob, false);
    }

    /**
     * Compiles a glob; with {@code anyDepth} a glob not starting with {@code **}{@code /} also matches
     * below any folder, as if it did.
     */
    public static Glob compile(String glob, boolean anyDepth) throws InvalidGlobException {
        if (glob.length() > MAX_LENGTH) {
            throw new InvalidGlobException("glob longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        Parser parser = new Parser(glob);
        List<Node> nodes = parser.sequence(false);
        if (anyDepth && !glob.startsWith("**/")) {
            nodes.add(0, new Node(Node.DIR_STAR, '\0', null, null));
        }
        Builder builder = new Builder();
        int match = builder.add(MATCH, '\0', null);
        int start = builder.compile(nodes, match);
        return new Glob(glob, builder, start);
    }

    /** Whether the glob is valid; the problem otherwise. */
    public static void check(String glob) throws InvalidGlobException {
        compile(glob);
    }

    public String text() {
        return text;
    }

    public boolean matches(Path relative) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < relative.getNameCount(); i++) {
            if (i > 0) {
                path.append('/');
            }
            path.append(relative.getName(i));
        }
        if (relative.isAbsolute()) {
            path.insert(0, relative.getRoot().toString().replace('\\', '/'));
        }
        return matches(path);
    }

    /**
     * Runs the automaton: every live state at once, one step per character. The sets of live
     * states met are remembered as the states of a deterministic automaton built as it is used
     * (at most {@value #MAX_CACHED_SETS} of them), so that matching many paths costs one lookup per
     * character; past that bound the sets are computed afresh, still in linear time.
     */
    public boolean matches(CharSequence path) {
        synchronized (cache) {
            int d = cache.start();
            for (int i = 0; i < path.length(); i++) {
                d = cache.next(d, path.charAt(i));
                if (d < 0) {
                    return false; // no live state: nothing can match any more
                }
            }
            return cache.accepting(d);
        }
    }

    /** At most this many sets of live states are kept per glob. */
    static final int MAX_CACHED_SETS = 4096;

    private final Cache cache = new Cache();

    /** The deterministic automaton, built lazily: each state a set of the glob's states. */
    private final class Cache {
        private final java.util.Map<Key, Integer> ids = new java.util.HashMap<>();
        private final List<int[]> sets = new ArrayList<>();
        private final List<java.util.Map<Character, Integer>> moves = new ArrayList<>();
        private final List<Boolean> accepting = new ArrayList<>();
        private int[] seen;
        private int[] stack;
        private int[] buffer;
        private int generation;
        private int start = -2;

        private void scratch() {
            if (seen == null) {
                seen = new int[types.length];
                stack = new int[types.length];
                buffer = new int[types.length];
            }
        }

        int start() {
            if (start == -2) {
                scratch();
                int size = closure(Glob.this.start, buffer, 0, seen, ++generation, stack);
                start = id(java.util.Arrays.copyOf(buffer, size));
            }
            return start;
        }

        boolean accepting(int d) {
            return accepting.get(d);
        }

        /** The state after {@code c}; -1 when no state is live. */
        int next(int d, char c) {
            java.util.Map<Character, Integer> known = moves.get(d);
            Integer cached = known.get(c);
            if (cached != null) {
                return cached;
            }
            int[] from = sets.get(d);
            int size = 0;
            generation++;
            for (int s : from) {
                if (accepts(s, c)) {
                    size = closure(outs[s][0], buffer, size, seen, generation, stack);
                }
            }
            int to = size == 0 ? -1 : id(java.util.Arrays.copyOf(buffer, size));
            if (ids.size() < MAX_CACHED_SETS) {
                known.put(c, to);
            }
            return to;
        }

        private int id(int[] set) {
            java.util.Arrays.sort(set);
            Key key = new Key(set);
            Integer id = ids.get(key);
            if (id != null) {
                return id;
            }
            if (ids.size() >= MAX_CACHED_SETS) {
                // Full: forget everything but keep going (the start state is made again when asked).
                ids.clear();
                sets.clear();
                moves.clear();
                accepting.clear();
                start = -2;
            }
            boolean accepts = false;
            for (int s : set) {
                accepts |= types[s] == MATCH;
            }
            sets.add(set);
            moves.add(new java.util.HashMap<>());
            accepting.add(accepts);
            ids.put(key, sets.size() - 1);
            return sets.size() - 1;
        }
    }

    /** A set of states as a map key. */
    private record Key(int[] states) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && java.util.Arrays.equals(k.states, states);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(states);
        }
    }

    private boolean accepts(int state, char c) {
        return switch (types[state]) {
            case CHAR -> chars[state] == c;
            case NOT_SLASH -> c != '/';
            case ANY -> true;
            case CLASS -> c != '/' && classes[state].contains(c);
            default -> false;
        };
    }

    /** Adds the states reachable from {@code state} without consuming a character. */
    private int closure(int state, int[] set, int size, int[] seen, int generation, int[] stack) {
        int top = 0;
        if (seen[state] != generation) {
            seen[state] = generation;
            stack[top++] = state;
        }
        while (top > 0) {
            int s = stack[--top];
            if (types[s] == SPLIT) {
                for (int out : outs[s]) {
                    if (seen[out] != generation) {
                        seen[out] = generation;
                        stack[top++] = out;
                    }
                }
            } else {
                set[size++] = s;
            }
        }
        return size;
    }

    @Override
    public String toString() {
        return text;
    }

    /** A bracket expression. */
    private record CharClass(boolean negated, char[] from, char[] to) {
        boolean contains(char c) {
            for (int i = 0; i < from.length; i++) {
                if (c >= from[i] && c <= to[i]) {
                    return !negated;
                }
            }
            return negated;
        }
    }

    private record Node(int kind, char c, CharClass charClass, List<List<Node>> alternatives) {
        static final int LITERAL = 0;
        static final int ONE = 1;
        static final int STAR = 2;
        static final int DOUBLE_STAR = 3;
        static final int DIR_STAR = 4;
        static final int BRACKET = 5;
        static final int GROUP = 6;
    }

    private static final class Parser {
        private final String glob;
        private int i;
        private int groupStart = -1;

        Parser(String glob) {
            this.glob = glob;
        }

        List<Node> sequence(boolean inGroup) throws InvalidGlobException {
            List<Node> nodes = new ArrayList<>();
            while (i < glob.length()) {
                char c = glob.charAt(i);
                if (inGroup && (c == ',' || c == '}')) {
                    return nodes;
                }
                switch (c) {
                    case '\\' -> {
                        if (i + 1 >= glob.length()) {
                            throw new InvalidGlobException("\\ at the end of the glob escapes nothing", i);
                        }
                        nodes.add(new Node(Node.LITERAL, glob.charAt(i + 1), null, null));
                        i += 2;
                    }
                    case '?' -> {
                        nodes.add(new Node(Node.ONE, c, null, null));
                        i++;
                    }
                    case '*' -> {
                        boolean atNameStart = i == 0 || glob.charAt(i - 1) == '/';
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                            if (atNameStart && i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
                                nodes.add(new Node(Node.DIR_STAR, c, null, null));
                                i += 3;
                            } else {
                                nodes.add(new Node(Node.DOUBLE_STAR, c, null, null));
                                i += 2;
                                while (i < glob.length() && glob.charAt(i) == '*') {
                                    i++; // *** is **
                                }
                            }
                        } else {
                            nodes.add(new Node(Node.STAR, c, null, null));
                            i++;
                        }
                    }
                    case '[' -> nodes.add(new Node(Node.BRACKET, c, bracket(), null));
                    case '{' -> {
                        if (inGroup) {
                            throw new InvalidGlobException("a { } group cannot be nested in another", i);
                        }
                        groupStart = i;
                        i++;
                        List<List<Node>> alternatives = new ArrayList<>();
                        while (true) {
                            alternatives.add(sequence(true));
                            if (i >= glob.length()) {
                                throw new InvalidGlobException("{ is not closed by }", groupStart);
                            }
                            char end = glob.charAt(i++);
                            if (end == '}') {
                                break;
                            }
                        }
                        nodes.add(new Node(Node.GROUP, c, null, alternatives));
                    }
                    default -> {
                        nodes.add(new Node(Node.LITERAL, c, null, null));
                        i++;
                    }
                }
            }
            return nodes;
        }

        private CharClass bracket() throws InvalidGlobException {
            int open = i;
            i++;
            boolean negated = false;
            if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
                negated = true;
                i++;
            }
            StringBuilder from = new StringBuilder();
            StringBuilder to = new StringBuilder();
            boolean first = true;
            while (true) {
                if (i >= glob.length()) {
                    throw new InvalidGlobException("[ is not closed by ]", open);
                }
                char c = glob.charAt(i);
                if (c == ']' && !first) {
                    i++;
                    break;
                }
                first = false;
                if (c == '\\' && i + 1 < glob.length()) {
                    c = glob.charAt(++i);
                } else if (c == '/') {
                    throw new InvalidGlobException("/ cannot be in a [ ] class", i);
                }
                i++;
                char last = c;
                if (i + 1 < glob.length() && glob.charAt(i) == '-' && glob.charAt(i + 1) != ']') {
                    int rangeAt = i - 1;
                    last = glob.charAt(i + 1);
                    if (last == '\\' && i + 2 < glob.length()) {
                        last = glob.charAt(i + 2);
                        i++;
                    }
                    i += 2;
                    if (last < c) {
                        throw new InvalidGlobException("range " + c + "-" + last + " is empty (its end is before its"
                                + " start)", rangeAt);
                    }
                } else if (i < glob.length() && glob.charAt(i) == '-' && i + 1 >= glob.length()) {
                    throw new InvalidGlobException("[ is not closed by ]", open);
                }
                from.append(c);
                to.append(last);
            }
            return new CharClass(negated, from.toString().toCharArray(), to.toString().toCharArray());
        }
    }

    /** Builds the automaton backwards, from the match state to the start. */
    private static final class Builder {
        final List<Integer> types = new ArrayList<>();
        final List<Character> chars = new ArrayList<>();
        final List<int[]> outs = new ArrayList<>();
        final List<CharClass> classes = new ArrayList<>();

        int add(int type, char c, CharClass charClass, int... out) {
            types.add(type);
            chars.add(c);
            outs.add(out);
            classes.add(charClass);
            return types.size() - 1;
        }

        int compile(List<Node> nodes, int next) {
            for (int k = nodes.size() - 1; k >= 0; k--) {
                next = compile(nodes.get(k), next);
            }
            return next;
        }

        private int compile(Node node, int next) {
            switch (node.kind()) {
                case Node.LITERAL:
                    return add(CHAR, node.c(), null, next);
                case Node.ONE:
                    return add(NOT_SLASH, '\0', null, next);
                case Node.BRACKET:
                    return add(CLASS, '\0', node.charClass(), next);
                case Node.STAR:
                    return loop(NOT_SLASH, next);
                case Node.DOUBLE_STAR:
                    return loop(ANY, next);
                case Node.DIR_STAR: {
                    // nothing, or anything followed by /
                    int slash = add(CHAR, '/', null, next);
                    int any = loop(ANY, slash);
                    return add(SPLIT, '\0', null, next, any);
                }
                default: {
                    int[] starts = new int[node.alternatives().size()];
                    for (int a = 0; a < starts.length; a++) {
                        starts[a] = compile(node.alternatives().get(a), next);
                    }
                    return add(SPLIT, '\0', null, starts);
                }
            }
        }

        /** A state that consumes any number of characters of a kind, then goes on. */
        private int loop(int kind, int next) {
            int split = add(SPLIT, '\0', null, next, -1);
            int consume = add(kind, '\0', null, split);
            outs.set(split, new int[] {next, consume});
            return split;
        }
    }
}

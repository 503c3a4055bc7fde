package org.openreferral.application.fakes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * A random source that makes {@code CodeValue.generate} yield the codes a test names, in order. Only
 * {@code nextInt(bound)} is supported, which is all that code generation uses.
 */
public final class ScriptedRandom implements RandomGenerator {

    /** A copy of the generator's alphabet, so that a test can name the codes it wants. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final Deque<Integer> indices = new ArrayDeque<>();

    public static ScriptedRandom yielding(String... codes) {
        ScriptedRandom random = new ScriptedRandom();
        for (String code : codes) {
            for (char c : code.toCharArray()) {
                int index = ALPHABET.indexOf(c);
                if (index < 0) {
                    throw new IllegalArgumentException(c + " is not in the generator's alphabet");
                }
                random.indices.add(index);
            }
        }
        return random;
    }

    @Override
    public int nextInt(int bound) {
        if (bound != ALPHABET.length()) {
            throw new IllegalStateException("the generator's alphabet changed: bound " + bound);
        }
        Integer next = indices.poll();
        if (next == null) {
            throw new IllegalStateException("no more scripted codes");
        }
        return next;
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only nextInt(bound) is scripted");
    }

    public boolean exhausted() {
        return indices.isEmpty();
    }
}

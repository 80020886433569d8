package io.jcoro.tests.fuzz;

import io.jcoro.core.GeneratorExit;
import io.jcoro.core.StopIteration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * What the driver does to a generator, step by step: next, send(v), throwIn(e), close, or a
 * look at its suspended frames. After the scripted steps a run always ends the same way: close,
 * then next until the body has finished (a body may ignore the close), so both variants run the
 * program to its end. A script that ends with {@code drain} calls next until the body finishes
 * instead of closing it first.
 *
 * @param steps the scripted steps
 */
public record DriverScript(List<Step> steps) {
    /** Steps after the script beyond which a program counts as running away. */
    static final int TAIL_LIMIT = 20_000;

    /** The kinds of step. */
    public enum Kind { NEXT, SEND, THROW, CLOSE, INSPECT, DRAIN }

    /**
     * One step.
     *
     * @param kind what to do
     * @param value for SEND: the value sent in, as text ("i:3", "s:ab", "l:7", "d:1.5", "null");
     *              for THROW: the exception class's simple name
     */
    public record Step(Kind kind, String value) {
        @Override
        public String toString() {
            return value == null ? kind.name().toLowerCase() : kind.name().toLowerCase() + " " + value;
        }

        static Step parse(String text) {
            String t = text.trim();
            int space = t.indexOf(' ');
            Kind kind = Kind.valueOf((space < 0 ? t : t.substring(0, space)).toUpperCase());
            return new Step(kind, space < 0 ? null : t.substring(space + 1));
        }

        /** @return the value a SEND step sends */
        Object sent() {
            if (value.equals("null")) {
                return null;
            }
            String v = value.substring(2);
            switch (value.charAt(0)) {
                case 'i':
                    return Integer.valueOf(v);
                case 'l':
                    return Long.valueOf(v);
                case 'd':
                    return Double.valueOf(v);
                default:
                    return v;
            }
        }

        /**
         * @param index the step's position, part of the message
         * @return a new exception for a THROW step
         */
        Throwable thrown(int index) {
            String message = "injected " + index;
            switch (value) {
                case "FuzzA":
                    return new FuzzA(message);
                case "FuzzB":
                    return new FuzzB(message);
                case "FuzzC":
                    return new FuzzC(message);
                case "IllegalStateException":
                    return new IllegalStateException(message);
                case "ArithmeticException":
                    return new ArithmeticException(message);
                case "AssertionError":
                    return new AssertionError(message);
                case "GeneratorExit":
                    return new GeneratorExit(message);
                case "NoSuchElementException":
                    return new NoSuchElementException(message);
                case "StopIteration":
                    return new StopIteration(message, null);
                default:
                    throw new IllegalArgumentException("unknown exception " + value);
            }
        }
    }

    private static final String[] THROWN = {"FuzzA", "FuzzB", "FuzzC", "IllegalStateException",
        "ArithmeticException", "AssertionError", "GeneratorExit"};
    /** The same with the exceptions that end an iteration (shape STOP_ITERATION_THROWN_IN). */
    private static final String[] THROWN_WITH_STOP = {"FuzzA", "FuzzB", "FuzzC", "IllegalStateException",
        "ArithmeticException", "AssertionError", "GeneratorExit", "NoSuchElementException", "StopIteration",
        "StopIteration"};

    /**
     * @param seed the seed
     * @return a random script: some programs are mostly advanced, some mostly disturbed
     */
    public static DriverScript random(long seed) {
        return random(seed, false);
    }

    /**
     * @param seed the seed
     * @param stopIteration whether it may throw in NoSuchElementException and StopIteration
     * @return a random script: some programs are mostly advanced, some mostly disturbed
     */
    public static DriverScript random(long seed, boolean stopIteration) {
        String[] thrown = stopIteration ? THROWN_WITH_STOP : THROWN;
        Random r = new Random(new SplittableRandom(seed).nextLong());
        int length = r.nextInt(4) == 0 ? r.nextInt(4) : r.nextInt(60);
        // Per script weights, so that some runs go deep and others stress throwIn/close.
        int wSend = r.nextInt(6);
        int wThrow = r.nextInt(2) == 0 && !stopIteration ? 0 : r.nextInt(3) == 0 ? 2 : 1;
        int wClose = r.nextInt(4) == 0 ? 1 : 0;
        int wInspect = r.nextInt(3);
        int wNext = 3 + r.nextInt(6);
        int total = wNext + wSend + wThrow + wClose + wInspect;
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            if (i == 0 && r.nextInt(5) != 0) {
                steps.add(new Step(Kind.NEXT, null)); // most runs start, some test the new state
                continue;
            }
            int k = r.nextInt(total);
            if ((k -= wNext) < 0) {
                steps.add(new Step(Kind.NEXT, null));
            } else if ((k -= wSend) < 0) {
                steps.add(new Step(Kind.SEND, randomValue(r)));
            } else if ((k -= wThrow) < 0) {
                steps.add(new Step(Kind.THROW, thrown[r.nextInt(thrown.length)]));
            } else if ((k -= wClose) < 0) {
                steps.add(new Step(Kind.CLOSE, null));
            } else {
                steps.add(new Step(Kind.INSPECT, null));
            }
        }
        if (r.nextBoolean()) {
            steps.add(new Step(Kind.DRAIN, null));
        }
        return new DriverScript(List.copyOf(steps));
    }

    private static String randomValue(Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return "null";
            case 1:
                return "s:" + "abcdefgh".substring(r.nextInt(8));
            case 2:
                return "l:" + (r.nextInt(2000) - 1000);
            case 3:
                return "d:" + (r.nextInt(100) / 8.0);
            default:
                return "i:" + (r.nextInt(21) - 5);
        }
    }

    /** @return the script as one line, steps separated by "; " */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append(sb.length() == 0 ? "" : "; ").append(s);
        }
        return sb.toString();
    }

    /**
     * @param line a script as {@link #format()} writes it
     * @return the script
     */
    public static DriverScript parse(String line) {
        List<Step> steps = new ArrayList<>();
        for (String s : line.split(";")) {
            if (!s.isBlank()) {
                steps.add(Step.parse(s));
            }
        }
        return new DriverScript(List.copyOf(steps));
    }

    /** Hands out the steps of one run, then the fixed ending. */
    static final class Cursor {
        private final DriverScript script;
        private int next;
        private boolean closing;
        private boolean draining;
        private int tail;

        Cursor(DriverScript script) {
            this.script = script;
        }

        /** @return the index of the step last taken */
        int index() {
            return next - 1;
        }

        /**
         * @param finished whether the generator has finished
         * @return the next step, or null when the run is over
         * @throws RunawayProgram if the program does not finish after the script
         */
        Step take(boolean finished) {
            if (next < script.steps.size() && script.steps.get(next).kind() == Kind.DRAIN) {
                draining = true;
                next = script.steps.size();
            }
            if (next < script.steps.size()) {
                return script.steps.get(next++);
            }
            if (finished) {
                return null;
            }
            next++;
            if (!closing && !draining) {
                closing = true;
                return new Step(Kind.CLOSE, null);
            }
            if (++tail > TAIL_LIMIT) {
                throw new RunawayProgram();
            }
            return new Step(Kind.NEXT, null);
        }
    }

    /** A program that keeps yielding after its script: the run stops here, in both variants. */
    static final class RunawayProgram extends Error {
        private static final long serialVersionUID = 1L;

        RunawayProgram() {
            super("the program still runs " + TAIL_LIMIT + " steps after its script", null, false, false);
        }
    }
}

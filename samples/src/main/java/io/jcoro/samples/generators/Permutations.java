package io.jcoro.samples.generators;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Every permutation of an array by recursive swapping, yielded from the bottom of the
 * recursion: the generator keeps the whole stack of swaps alive between values.
 */
public final class Permutations {
    private Permutations() {
    }

    @Coroutine
    public static void permute(int[] items, int from) {
        if (from == items.length) {
            Co.yield(items.clone());
            return;
        }
        for (int i = from; i < items.length; i++) {
            swap(items, from, i);
            permute(items, from + 1);
            swap(items, from, i);
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    public static void run(PrintStream out, String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int[] items = new int[n];
        Arrays.setAll(items, i -> i + 1);
        Generator<int[]> g = Generator.of(() -> permute(items, 0));
        g.forEachRemaining(p -> out.println(Arrays.toString(p)));
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}

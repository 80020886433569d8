package io.jcoro.samples.generators;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.PrintStream;

/**
 * A recursive in-order tree traversal as one generator. In Python each level of the recursion
 * is its own generator chained with {@code yield from}; here the recursion is an ordinary call
 * and the yield suspends the whole stack of it.
 */
public final class TreeWalk {
    private TreeWalk() {
    }

    /** A binary search tree node. */
    public record Node(Node left, int value, Node right) {
        static Node insert(Node node, int value) {
            if (node == null) {
                return new Node(null, value, null);
            }
            return value < node.value
                    ? new Node(insert(node.left, value), node.value, node.right)
                    : new Node(node.left, node.value, insert(node.right, value));
        }
    }

    @Coroutine
    public static void inorder(Node node) {
        if (node != null) {
            inorder(node.left());
            Co.yield(node.value());
            inorder(node.right());
        }
    }

    public static void run(PrintStream out, String... args) {
        Node root = null;
        for (int v : new int[] {50, 30, 70, 20, 40, 60, 80, 35, 65}) {
            root = Node.insert(root, v);
        }
        Node tree = root;
        StringBuilder line = new StringBuilder();
        for (int v : Generator.<Integer>of(() -> inorder(tree))) {
            line.append(v).append(' ');
        }
        out.println(line.toString().strip());
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}

package io.jcoro.tests.fuzz;

/** An enum for the generated programs' enum switches. */
public enum Color {
    RED, GREEN, BLUE
}

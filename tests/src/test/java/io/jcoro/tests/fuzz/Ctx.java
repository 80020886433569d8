package io.jcoro.tests.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a statement is generated: what it may jump to and what it may use.
 *
 * @param ret the enclosing method's return type (null: void)
 * @param isVoid whether a return takes no value
 * @param canReturn whether return is allowed (not in a switch expression's arm)
 * @param instance whether {@code this} is the program object
 * @param nested whether the code is in a nested class (Op's implementations)
 * @param labels the labels in scope; "!L" may only be broken out of
 * @param inLoop whether continue is allowed
 * @param inBreakable whether a bare break is allowed
 * @param depth how deeply compound statements nest here
 */
record Ctx(Ty ret, boolean isVoid, boolean canReturn, boolean instance, boolean nested,
           List<String> labels, boolean inLoop, boolean inBreakable, int depth) {

    Ctx deeper() {
        return new Ctx(ret, isVoid, canReturn, instance, nested, labels, inLoop, inBreakable, depth + 1);
    }

    Ctx loop(String label) {
        List<String> l = new ArrayList<>(labels);
        l.add(label);
        return new Ctx(ret, isVoid, canReturn, instance, nested, l, true, true, depth + 1);
    }

    Ctx labelledBlock(String label) {
        List<String> l = new ArrayList<>(labels);
        l.add("!" + label); // break only
        return new Ctx(ret, isVoid, canReturn, instance, nested, l, inLoop, inBreakable, depth + 1);
    }

    Ctx switchStatement() {
        return new Ctx(ret, isVoid, canReturn, instance, nested, labels, inLoop, true, depth + 1);
    }

    /** A switch expression's arm: no return, no jump out. */
    Ctx arm() {
        return new Ctx(ret, isVoid, false, instance, nested, List.of(), false, false, depth + 1);
    }

    /** A lambda's body returning t. */
    Ctx lambda(Ty t) {
        return new Ctx(t, false, true, instance, nested, List.of(), false, false, depth + 1);
    }
}

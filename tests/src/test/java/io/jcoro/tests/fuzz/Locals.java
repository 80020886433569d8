package io.jcoro.tests.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/** The local variables in scope where the generator writes, innermost block first. */
final class Locals {
    /** A local: its name, type and whether it may be assigned (loop variables may not). */
    record Var(String name, Ty type, boolean assignable) {
    }

    private final Random r;
    private Deque<List<Var>> scopes = new ArrayDeque<>();

    Locals(Random r) {
        this.r = r;
    }

    void push() {
        scopes.push(new ArrayList<>());
    }

    void pop() {
        scopes.pop();
    }

    void declare(String name, Ty t, boolean assignable) {
        scopes.peek().add(new Var(name, t, assignable));
    }

    /**
     * Hides every local but {@code d} (a lambda sees only effectively final ones), until
     * {@link #restore}.
     *
     * @return what to restore
     */
    Deque<List<Var>> onlyDepth() {
        Deque<List<Var>> saved = scopes;
        scopes = new ArrayDeque<>();
        push();
        declare("d", Ty.INT, false);
        return saved;
    }

    void restore(Deque<List<Var>> saved) {
        scopes = saved;
    }

    List<Var> visible() {
        List<Var> all = new ArrayList<>();
        for (List<Var> s : scopes) {
            all.addAll(s);
        }
        return all;
    }

    Var any() {
        return pickFrom(visible());
    }

    Var of(Ty... types) {
        List<Var> ok = new ArrayList<>();
        for (Var v : visible()) {
            for (Ty t : types) {
                if (v.type == t) {
                    ok.add(v);
                }
            }
        }
        return pickFrom(ok);
    }

    Var assignableOf(Ty t) {
        List<Var> ok = new ArrayList<>();
        for (Var v : visible()) {
            if (v.assignable && v.type == t) {
                ok.add(v);
            }
        }
        return pickFrom(ok);
    }

    Var assignable() {
        List<Var> ok = new ArrayList<>();
        for (Var v : visible()) {
            if (v.assignable) {
                ok.add(v);
            }
        }
        return pickFrom(ok);
    }

    /** @return up to n visible locals, at random */
    List<Var> some(int n) {
        List<Var> all = visible();
        Collections.shuffle(all, r);
        return all.subList(0, Math.min(n, all.size()));
    }

    private Var pickFrom(List<Var> vars) {
        return vars.isEmpty() ? null : vars.get(r.nextInt(vars.size()));
    }
}

package io.jcoro.agent.pipeline;

import io.jcoro.agent.analyse.MethodAnalyzer;
import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.common.Lines;
import io.jcoro.agent.common.RefusedException;
import io.jcoro.agent.generate.MethodGenerator;
import io.jcoro.agent.generate.Splicer;
import io.jcoro.agent.generate.StampClearing;
import io.jcoro.agent.identify.CoroutineMethod;
import io.jcoro.agent.prepare.Preparation;
import io.jcoro.agent.prepare.PreparedMethod;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Each coroutine method in turn: prepare, analyse, generate, splice. A coroutine that cannot
 * suspend only clears the stamp it was called with; a method that cannot be instrumented is
 * refused on its own (its body throws the reason), and the others go on.
 */
public final class CoroutinePass {
    private CoroutinePass() {
    }

    /** @param state the class; adds to {@code changed} and {@code patched} */
    public static void run(ClassState state) {
        for (CoroutineMethod coroutine : state.coroutines) {
            MethodNode method = coroutine.method();
            if (coroutine.sites().isEmpty()) {
                Splicer.apply(method, StampClearing.splice());
                state.patched.add(method);
                continue;
            }
            try {
                instrument(state, coroutine);
            } catch (RefusedException refused) {
                state.refuse(method, refused.getMessage());
            } catch (RuntimeException bug) {
                state.refuse(method, Lines.describe(state.owner, method, Lines.firstLine(method))
                        + ": internal error " + bug);
            }
            state.changed.add(method);
        }
    }

    private static void instrument(ClassState state, CoroutineMethod coroutine) throws RefusedException {
        if (coroutine.refusal() != null) {
            throw new RefusedException(coroutine.refusal());
        }
        PreparedMethod prepared = Preparation.prepare(state.owner, coroutine.method(), coroutine.sites());
        // A missing class surfaces as a RefusedException: the analyzer wraps what the repository
        // throws, and the analyse pass unwraps it.
        MethodPlan plan = MethodAnalyzer.analyse(state.owner, prepared, coroutine.acceptedIds(), state.repository);
        if (plan.points().isEmpty()) {
            // Every site is unreachable: nothing to resume, so it is a coroutine that cannot
            // suspend (a restore switch over no points would not verify).
            Splicer.apply(prepared.method(), StampClearing.splice());
            return;
        }
        Splicer.apply(prepared.method(), MethodGenerator.generate(state.owner, plan, handlers(prepared.method())));
        state.log.instrumented(state.owner.name, plan.methodName(), plan.points().size());
    }

    private static List<LabelNode> handlers(MethodNode method) {
        List<LabelNode> handlers = new ArrayList<>();
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            handlers.add(block.handler);
        }
        return handlers;
    }
}

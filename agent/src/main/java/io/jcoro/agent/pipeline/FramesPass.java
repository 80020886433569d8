package io.jcoro.agent.pipeline;

import io.jcoro.agent.classinfo.MissingClassException;
import io.jcoro.agent.common.Lines;
import io.jcoro.agent.verify.CodeDump;
import io.jcoro.agent.verify.FrameComputer;
import io.jcoro.agent.verify.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Frames and verification: stack-map frames and maximums for every rewritten method, then a
 * check that its code verifies. A method that grew too large, needs an unknown class, trips the
 * frame computation or does not verify is refused on its own (its throwing body needs no
 * frames); one that does not verify is reported with the offending instruction and its code.
 * Patched methods keep their frames.
 */
public final class FramesPass {
    private FramesPass() {
    }

    /** @param state the class; fills {@code replacements} */
    public static void run(ClassState state) {
        for (MethodNode method : state.patched) {
            state.replacements.put(method.name + method.desc, method);
        }
        for (MethodNode method : state.changed) {
            state.replacements.put(method.name + method.desc, withFrames(state, method));
        }
    }

    private static MethodNode withFrames(ClassState state, MethodNode method) {
        int line = Lines.firstLine(method);
        String problem;
        try {
            MethodNode computed = FrameComputer.compute(state.owner, method, state.repository);
            Verifier.Failure failure = Verifier.check(state.owner.name, computed);
            if (failure == null) {
                return computed;
            }
            if (failure.index() >= 0) {
                line = Lines.lineOf(computed.instructions.get(failure.index()));
            }
            problem = "the instrumented code does not verify: " + failure.message() + "; "
                    + dump(state, computed, failure.index());
        } catch (MethodTooLargeException e) {
            problem = "the instrumented method would have " + e.getCodeSize()
                    + " bytes of code, over the JVM's 64 KB limit; split it into smaller methods";
        } catch (MissingClassException e) {
            // FrameComputer's getCommonSuperClass asks the repository, so ASM's
            // TypeNotPresentException (from loading classes) cannot occur.
            problem = e.getMessage();
        } catch (RuntimeException bug) {
            problem = "internal error computing stack frames: " + bug;
        }
        state.refuse(method, Lines.describe(state.owner, method, line) + ": " + problem);
        return FrameComputer.compute(state.owner, method, state.repository);
    }

    /**
     * Puts the code that failed where the agent's options put things: a file under the dump
     * directory, or else the verbose log.
     *
     * @return where it went, for the refusal's message
     */
    private static String dump(ClassState state, MethodNode computed, int bad) {
        String text = CodeDump.of(computed, bad);
        if (bad >= 0) {
            AbstractInsnNode insn = computed.instructions.get(bad);
            text = "offending instruction " + bad + ": " + CodeDump.mnemonic(insn.getOpcode()) + "\n" + text;
        }
        if (state.dumpDirectory != null) {
            Path file = state.dumpDirectory.resolve(state.owner.name + "." + computed.name + ".verify.txt");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return "its code is in " + file;
            } catch (IOException e) {
                state.log.info("cannot dump " + file + ": " + e);
            }
        }
        state.log.info("code of " + state.owner.name.replace('/', '.') + "." + computed.name + computed.desc
                + " (" + (bad >= 0 ? "offending instruction marked >>" : "no instruction named") + "):\n" + text);
        return "log=verbose or dump=DIR shows its code";
    }
}

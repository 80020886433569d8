package io.jcoro.agent.verify;

import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.BasicVerifier;

/**
 * Checks a rewritten method before it reaches the JVM: every instruction finds the operand stack
 * and locals it needs (values of the right kind, no underflow, nothing read before it is
 * written), by ASM's {@link BasicVerifier}. Class types are not compared: that would need the
 * class hierarchy, and stack-map frames computed from the repository already agree with it. A
 * method that fails is refused on its own with the offending instruction, instead of failing
 * its whole class with a {@code VerifyError} at load.
 */
public final class Verifier {
    private Verifier() {
    }

    /**
     * What the verifier found wrong.
     *
     * @param index the offending instruction's index in the method
     * @param message what is wrong there
     */
    public record Failure(int index, String message) {
    }

    /**
     * @param owner the internal name of the method's class
     * @param method the method, with its maximums computed
     * @return the first problem, or null if the method verifies
     */
    public static Failure check(String owner, MethodNode method) {
        try {
            new Analyzer<BasicValue>(new BasicVerifier()).analyze(owner, method);
            return null;
        } catch (AnalyzerException e) {
            int index = e.node == null ? -1 : method.instructions.indexOf(e.node);
            return new Failure(index, e.getMessage());
        }
    }
}

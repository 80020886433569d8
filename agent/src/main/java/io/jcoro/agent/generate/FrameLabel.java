package io.jcoro.agent.generate;

import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.analyse.SuspensionPoint;
import org.objectweb.asm.tree.ClassNode;

/**
 * The label a frame pushes last when it is captured at a point: a string constant that lets the
 * runtime read a suspended generator's frames from its saved state alone
 * ({@code io.jcoro.core.internal.SavedFrames} documents the format, {@code "P R LINE CLASS/METHOD/FILE"}).
 */
final class FrameLabel {
    private FrameLabel() {
    }

    /**
     * @param owner the class
     * @param plan the method's plan
     * @param p the suspension point
     * @return the label of a frame captured at {@code p}
     */
    static String of(ClassNode owner, MethodPlan plan, SuspensionPoint p) {
        String file = owner.sourceFile == null ? "" : owner.sourceFile;
        return p.primitiveCount() + " " + p.savedReferenceCount() + " " + p.line() + " "
                + owner.name.replace('/', '.') + "/" + plan.methodName() + "/" + file;
    }
}

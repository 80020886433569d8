package io.jcoro.agent.identify;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.contract.RuntimeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds where a coroutine method may suspend: the intrinsics ({@code Co}'s verbs and the
 * primitive generators' {@code yield}) and coroutine calls.
 */
public final class SuspensionPointFinder {

    /**
     * A place where a method may suspend.
     *
     * @param insn the call instruction
     * @param kind what kind of suspension it is
     */
    public record Site(MethodInsnNode insn, PointKind kind) {
    }

    private SuspensionPointFinder() {
    }

    /**
     * @param owner the class
     * @param method one of its coroutine methods
     * @param localCoroutines name+descriptor of the class's coroutine methods (lambda bodies
     *                        included)
     * @param repository the oracle of its loader
     * @return the method's suspension points in code order
     */
    public static List<Site> find(ClassNode owner, MethodNode method,
                                  Set<String> localCoroutines, ClassInfoRepository repository) {
        List<Site> sites = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call) {
                PointKind kind = classify(owner, call, localCoroutines, repository);
                if (kind != null) {
                    sites.add(new Site(call, kind));
                }
            }
        }
        return sites;
    }

    private static PointKind classify(ClassNode owner, MethodInsnNode call,
                                      Set<String> localCoroutines, ClassInfoRepository repository) {
        if (call.owner.equals(RuntimeNames.CO)) {
            switch (call.name + call.desc) {
                case "yield(Ljava/lang/Object;)Ljava/lang/Object;":
                    return PointKind.YIELD;
                case "receive()Ljava/lang/Object;":
                    return PointKind.RECEIVE;
                case "yieldFrom(Lio/jcoro/core/Generator;)Ljava/lang/Object;":
                    return PointKind.DELEGATE;
                case "yieldFrom(Ljava/lang/Iterable;)V":
                    return PointKind.DELEGATE_ITERABLE;
                default:
                    return null;
            }
        }
        PointKind primitive = primitiveYield(call);
        if (primitive != null) {
            return primitive;
        }
        if (call.name.equals("<init>")) {
            return null;
        }
        if (call.owner.equals(owner.name) && localCoroutines.contains(call.name + call.desc)) {
            return PointKind.CALL;
        }
        return repository.isCoroutine(call.owner, call.name + call.desc) ? PointKind.CALL : null;
    }

    /** {@code IntGenerator.yield(int)} and its long and double twins, or null. */
    private static PointKind primitiveYield(MethodInsnNode call) {
        if (!call.name.equals("yield")) {
            return null;
        }
        switch (call.owner + call.desc) {
            case RuntimeNames.INT_GENERATOR + "(I)Ljava/lang/Object;":
                return PointKind.YIELD_INT;
            case RuntimeNames.LONG_GENERATOR + "(J)Ljava/lang/Object;":
                return PointKind.YIELD_LONG;
            case RuntimeNames.DOUBLE_GENERATOR + "(D)Ljava/lang/Object;":
                return PointKind.YIELD_DOUBLE;
            default:
                return null;
        }
    }
}

package io.jcoro.agent.identify;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.common.Boxes;
import io.jcoro.agent.common.Lines;
import io.jcoro.agent.contract.RuntimeNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Identifies a class's coroutine methods: those annotated {@code @Coroutine} or overriding one
 * (as the {@link ClassInfoRepository} sees it), and lambda bodies and same-class method
 * references whose functional interface method is a coroutine; and method references to
 * coroutines of other classes, whose creation must tell the runtime's handshake about them.
 * Refuses what cannot be a coroutine, naming class, method and line.
 */
public final class CoroutineMethodFinder {
    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private final ClassNode owner;
    private final ClassInfoRepository repository;
    private final Map<MethodNode, Set<Integer>> coroutines = new LinkedHashMap<>();
    private final Map<MethodNode, String> refused = new LinkedHashMap<>();
    private final List<ClassCoroutines.RefusedBody> refusedBodies = new ArrayList<>();
    private final List<ClassCoroutines.Reference> references = new ArrayList<>();

    private CoroutineMethodFinder(ClassNode owner, ClassInfoRepository repository) {
        this.owner = owner;
        this.repository = repository;
    }

    /**
     * @param owner the parsed class (its info already registered with the repository)
     * @param repository the oracle of its loader
     * @return what to instrument and what to refuse
     */
    public static ClassCoroutines find(ClassNode owner, ClassInfoRepository repository) {
        CoroutineMethodFinder finder = new CoroutineMethodFinder(owner, repository);
        Set<String> declared = repository.coroutineMethods(owner.name);
        for (MethodNode m : owner.methods) {
            if (declared.contains(m.name + m.desc)) {
                finder.declared(m);
            }
        }
        for (MethodNode m : owner.methods) {
            finder.lambdaBodies(m);
        }
        return new ClassCoroutines(finder.coroutines, finder.refused, finder.refusedBodies, finder.references);
    }

    private void declared(MethodNode m) {
        if (m.name.equals("<init>") || m.name.equals("<clinit>")) {
            refuse(m, "a constructor or static initializer cannot be a coroutine");
        } else if ((m.access & Opcodes.ACC_NATIVE) != 0) {
            refuse(m, "a native method cannot be a coroutine");
        } else if ((m.access & Opcodes.ACC_ABSTRACT) == 0) {
            accept(m, RuntimeNames.methodId(m.name, m.desc));
        }
    }

    private void lambdaBodies(MethodNode m) {
        for (AbstractInsnNode insn : m.instructions) {
            if (!(insn instanceof InvokeDynamicInsnNode indy)
                    || !LAMBDA_METAFACTORY.equals(indy.bsm.getOwner())
                    || indy.bsmArgs.length < 3
                    || !(indy.bsmArgs[0] instanceof Type samType)
                    || !(indy.bsmArgs[1] instanceof Handle impl)) {
                continue;
            }
            Type sam = Type.getReturnType(indy.desc);
            if (sam.getSort() != Type.OBJECT
                    || !repository.isCoroutine(sam.getInternalName(), indy.name + samType.getDescriptor())) {
                continue;
            }
            int samId = RuntimeNames.methodId(indy.name, samType.getDescriptor());
            MethodNode target = impl.getOwner().equals(owner.name) ? method(impl.getName(), impl.getDesc()) : null;
            if (impl.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
                continue; // P::new: a constructor cannot suspend, and one that tries is caught
            }
            if (unboxesAnUnknownResult(indy, impl)) {
                refuseBody(m, indy, impl, "the interface method returns "
                        + Type.getReturnType(((Type) indy.bsmArgs[2]).getDescriptor()).getClassName()
                        + ", which the JVM's adapter would unbox from the "
                        + Type.getReturnType(impl.getDesc()).getClassName()
                        + " the target returns, and a suspending target returns a placeholder; use a lambda");
            } else if (target != null) {
                if (!refused.containsKey(target) && (target.access & Opcodes.ACC_ABSTRACT) == 0) {
                    accept(target, RuntimeNames.methodId(target.name, target.desc));
                    accept(target, samId);
                }
            } else if (!repository.isCoroutine(impl.getOwner(), impl.getName() + impl.getDesc())) {
                refuseBody(m, indy, impl, "it is not a coroutine: annotate it @Coroutine, or use a lambda");
            } else {
                int targetId = RuntimeNames.methodId(impl.getName(), impl.getDesc());
                if (targetId != samId) {
                    references.add(new ClassCoroutines.Reference(m, indy, samId, targetId));
                }
            }
        }
    }

    /**
     * A reference to a method returning {@code T} (erased to Object) through an interface method
     * returning {@code int}: the adapter casts and unboxes the result, and the placeholder a
     * suspending target returns is null. Only a lambda, which is instrumented, can do that.
     */
    private static boolean unboxesAnUnknownResult(InvokeDynamicInsnNode indy, Handle impl) {
        if (!(indy.bsmArgs[2] instanceof Type instantiated)) {
            return false;
        }
        int wanted = Type.getReturnType(instantiated.getDescriptor()).getSort();
        Type returned = Type.getReturnType(impl.getDesc());
        boolean primitive = wanted != Type.VOID && wanted != Type.OBJECT && wanted != Type.ARRAY;
        return primitive && (returned.getSort() == Type.ARRAY
                || returned.getSort() == Type.OBJECT && Boxes.unboxed(returned.getInternalName()) == null);
    }

    private MethodNode method(String name, String desc) {
        for (MethodNode m : owner.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    private void accept(MethodNode m, int stamp) {
        coroutines.computeIfAbsent(m, k -> new HashSet<>()).add(stamp);
    }

    private void refuse(MethodNode m, String reason) {
        refused.put(m, "jcoro cannot instrument "
                + Lines.describe(owner, m, Lines.firstLine(m)) + ": " + reason);
    }

    private void refuseBody(MethodNode m, InvokeDynamicInsnNode site, Handle impl, String reason) {
        String where = Lines.describe(owner, m, Lines.lineOf(site));
        refusedBodies.add(new ClassCoroutines.RefusedBody(m, site, where + ": the method reference "
                + impl.getOwner().replace('/', '.') + "::" + impl.getName()
                + " cannot implement a coroutine interface method: " + reason));
    }
}

package io.jcoro.agent.analyse;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * A {@link BasicInterpreter} that keeps precise reference types and merges them as the JVM
 * verifier does (common superclass; interfaces merge to Object), asking the
 * {@link ClassInfoRepository} instead of loading classes. Restored values are cast to these
 * types, so they must be exactly what the verifier will infer. It does not verify: the input
 * was verified when javac wrote it, and the JVM verifies the output.
 */
final class TypedInterpreter extends BasicInterpreter {
    /** java/lang/Object; the inherited {@code NULL_TYPE} is the type of the {@code null} literal. */
    static final Type OBJECT = Type.getObjectType("java/lang/Object");

    private final ClassInfoRepository repository;

    TypedInterpreter(ClassInfoRepository repository) {
        super(Opcodes.ASM9);
        this.repository = repository;
    }

    @Override
    public BasicValue newValue(Type type) {
        if (type != null && SuspensionPoint.isReference(type)) {
            return new BasicValue(type);
        }
        return super.newValue(type);
    }

    @Override
    public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue array, BasicValue index)
            throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.AALOAD) {
            Type t = array.getType();
            if (t.getSort() == Type.ARRAY) {
                return newValue(Type.getType(t.getDescriptor().substring(1)));
            }
            return newValue(NULL_TYPE.equals(t) ? NULL_TYPE : OBJECT);
        }
        return super.binaryOperation(insn, array, index);
    }

    @Override
    public BasicValue merge(BasicValue a, BasicValue b) {
        Type ta = a.getType();
        Type tb = b.getType();
        if (ta == null || tb == null) {
            return BasicValue.UNINITIALIZED_VALUE;
        }
        if (ta.equals(tb)) {
            return a;
        }
        if (!SuspensionPoint.isReference(ta) || !SuspensionPoint.isReference(tb)) {
            return BasicValue.UNINITIALIZED_VALUE;
        }
        if (ta.equals(NULL_TYPE)) {
            return b;
        }
        if (tb.equals(NULL_TYPE)) {
            return a;
        }
        return newValue(commonSupertype(ta, tb));
    }

    /** Arrays of primitives act as Object arrays of one dimension less, as in the verifier. */
    private Type commonSupertype(Type a, Type b) {
        int da = dimensions(a);
        int db = dimensions(b);
        Type ea = element(a);
        Type eb = element(b);
        if (da != db) {
            return array(OBJECT, Math.min(da, db));
        }
        if (ea.getSort() != Type.OBJECT || eb.getSort() != Type.OBJECT) {
            return array(OBJECT, da);
        }
        String common = repository.commonSuperClass(ea.getInternalName(), eb.getInternalName());
        return array(Type.getObjectType(common), da);
    }

    private static int dimensions(Type t) {
        if (t.getSort() != Type.ARRAY) {
            return 0;
        }
        return t.getElementType().getSort() == Type.OBJECT ? t.getDimensions() : t.getDimensions() - 1;
    }

    private static Type element(Type t) {
        if (t.getSort() != Type.ARRAY) {
            return t;
        }
        return t.getElementType().getSort() == Type.OBJECT ? t.getElementType() : OBJECT;
    }

    private static Type array(Type element, int dimensions) {
        return dimensions == 0 ? element : Type.getType("[".repeat(dimensions) + element.getDescriptor());
    }
}

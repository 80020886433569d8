package io.jcoro.agent.analyse;

import io.jcoro.agent.identify.PointKind;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicInterpreter;

/**
 * Everything generation needs about one place where a method may suspend: what to save there
 * and how to re-enter it. Immutable; generation never re-derives any of it.
 *
 * @param index the resume index, its case in the restore switch
 * @param kind what suspends here
 * @param insnIndex the position of the call instruction in the prepared method, where
 *                  generation splices
 * @param line the source line, or -1
 * @param calleeId the stamp announced before a {@link PointKind#CALL} (0 for intrinsics)
 * @param receiverType the static type of the call's receiver, null for static calls and intrinsics
 * @param argumentTypes the call's argument types (re-entered with dummies of these types)
 * @param keepsArguments whether the call's reference arguments are saved with the frame and
 *                       passed again on re-entry instead of {@code null} dummies: an interface
 *                       call may reach a method reference through the JVM's adapter, which
 *                       unboxes, casts or calls on its arguments before the target can restore
 *                       itself (primitive arguments are still passed as zero)
 * @param returnType the type the instruction leaves on the stack ({@code VOID_TYPE} for none)
 * @param stack the operand stack beneath receiver and arguments, bottom first; entries of
 *              {@link #NULL} type are not saved but re-pushed as null
 * @param locals the locals live across the point, saved and restored
 */
public record SuspensionPoint(int index, PointKind kind, int insnIndex, int line, int calleeId,
                              Type receiverType, List<Type> argumentTypes, boolean keepsArguments,
                              Type returnType,
                              List<Type> stack, List<LiveLocal> locals) {

    /**
     * The type of a stack entry known to hold {@code null}: ASM's type of the {@code null}
     * literal, assignable to every reference type.
     */
    public static final Type NULL = BasicInterpreter.NULL_TYPE;

    /**
     * A local saved across a suspension.
     *
     * @param slot the local's index
     * @param type its type at the point
     */
    public record LiveLocal(int slot, Type type) {
    }

    /** @return how many values go to the primitive stack: saved values plus the resume index */
    public int primitiveCount() {
        int n = 1;
        for (Type t : stack) {
            n += isReference(t) ? 0 : 1;
        }
        for (LiveLocal l : locals) {
            n += isReference(l.type()) ? 0 : 1;
        }
        return n;
    }

    /** @return the arguments saved with the frame, in order (empty unless {@link #keepsArguments}) */
    public List<Integer> keptArguments() {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; keepsArguments && i < argumentTypes.size(); i++) {
            if (isReference(argumentTypes.get(i))) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** @return how many values go to the reference stack, the receiver and kept arguments included */
    public int referenceCount() {
        int n = (receiverType != null ? 1 : 0) + keptArguments().size();
        for (Type t : stack) {
            n += isReference(t) && !NULL.equals(t) ? 1 : 0;
        }
        for (LiveLocal l : locals) {
            n += isReference(l.type()) ? 1 : 0;
        }
        return n;
    }

    /**
     * @return how many references a capture really pushes: as {@link #referenceCount()}, but
     *         without the locals known to be null (room is reserved for them, nothing pushed)
     */
    public int savedReferenceCount() {
        int n = (receiverType != null ? 1 : 0) + keptArguments().size();
        for (Type t : stack) {
            n += isReference(t) && !NULL.equals(t) ? 1 : 0;
        }
        for (LiveLocal l : locals) {
            n += isReference(l.type()) && !NULL.equals(l.type()) ? 1 : 0;
        }
        return n;
    }

    /** @param t a value type @return whether it is stored on the reference stack */
    public static boolean isReference(Type t) {
        return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
    }
}

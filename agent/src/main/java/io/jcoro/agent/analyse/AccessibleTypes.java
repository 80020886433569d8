package io.jcoro.agent.analyse;

import io.jcoro.agent.classinfo.ClassInfo;
import io.jcoro.agent.classinfo.ClassInfoRepository;
import org.objectweb.asm.Type;

/**
 * The types a class may name. A restored value is cast to its analysed type, and a
 * {@code checkcast} to a class the instrumented class cannot access fails with
 * {@code IllegalAccessError} when it first runs. Analysed types can be such classes: the
 * declared return type of a method in another package may be package-private there, and the
 * verifier's merge of {@code StringBuilder} and {@code StringBuffer} is the package-private
 * {@code java.lang.AbstractStringBuilder}.
 *
 * <p>Such a type is replaced by its nearest accessible superclass. That is still assignable to
 * every class type the code uses the value as (javac only names accessible types, and each of
 * those is a superclass at least as far up), and interfaces are not checked by the verifier.
 * Frames may still name the original type: the verifier checks assignability there, not access.
 */
final class AccessibleTypes {
    /** Packages the JDK does not export: public classes there are not accessible either. */
    private static final String[] UNEXPORTED = {"sun/", "jdk/internal/", "com/sun/proxy/"};

    private final ClassInfoRepository repository;
    private final String from;

    /**
     * @param repository the oracle of the class's loader
     * @param from internal name of the class that will name the types
     */
    AccessibleTypes(ClassInfoRepository repository, String from) {
        this.repository = repository;
        this.from = from;
    }

    /**
     * @param type a value type
     * @return {@code type} itself if the class may name it, else its nearest accessible supertype
     *         (of the element type, for arrays)
     */
    Type nearest(Type type) {
        if (type.getSort() == Type.ARRAY) {
            Type element = type.getElementType();
            Type accessible = nearest(element);
            return accessible == element ? type
                    : Type.getType("[".repeat(type.getDimensions()) + accessible.getDescriptor());
        }
        if (type.getSort() != Type.OBJECT || type.equals(SuspensionPoint.NULL)) {
            return type;
        }
        String name = type.getInternalName();
        String accessible = name;
        while (!isAccessible(accessible)) {
            accessible = repository.superName(accessible);
            if (accessible == null) {
                return TypedInterpreter.OBJECT;
            }
        }
        return accessible.equals(name) ? type : Type.getObjectType(accessible);
    }

    private boolean isAccessible(String name) {
        if (samePackage(name, from)) {
            return true;
        }
        ClassInfo info = repository.require(name);
        if (!info.isPublic()) {
            return false;
        }
        for (String prefix : UNEXPORTED) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePackage(String a, String b) {
        int slash = a.lastIndexOf('/');
        return slash == b.lastIndexOf('/') && a.regionMatches(0, b, 0, Math.max(slash, 0));
    }
}

package io.jcoro.agent.classinfo;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the instrumenter needs to know about a class, read from its bytes: its place in the
 * hierarchy and which of its methods are annotated {@code @Coroutine}.
 *
 * @param name internal name
 * @param superName internal name of the superclass, null for java/lang/Object
 * @param interfaces internal names of the direct superinterfaces
 * @param isInterface whether it is an interface
 * @param isPublic whether the class file declares it public (a nested class declared
 *                 {@code protected} is public in its class file, a {@code private} one is not)
 * @param annotated name+descriptor of each method annotated {@code @Coroutine}
 * @param bridgeTargets for each bridge method (name+descriptor), the methods it may forward to:
 *                      the class's other methods of the same name and arity (javac's bridges
 *                      forward to exactly one of them), so a bridge that is a coroutine makes
 *                      its target one too
 * @param accessorTargets for each synthetic accessor ({@code access$NNN}, which javac before
 *                        Java 11 writes so that nested classes can reach private members), the
 *                        method it forwards to, as {@code owner.name+descriptor}; an accessor of
 *                        a coroutine is a coroutine too
 */
public record ClassInfo(String name, String superName, List<String> interfaces,
                        boolean isInterface, boolean isPublic, Set<String> annotated,
                        Map<String, List<String>> bridgeTargets, Map<String, String> accessorTargets) {

    /** @return the direct supertypes: superclass first, then interfaces */
    public List<String> supertypes() {
        if (superName == null) {
            return interfaces;
        }
        if (interfaces.isEmpty()) {
            return List.of(superName);
        }
        var all = new java.util.ArrayList<String>(interfaces.size() + 1);
        all.add(superName);
        all.addAll(interfaces);
        return all;
    }
}

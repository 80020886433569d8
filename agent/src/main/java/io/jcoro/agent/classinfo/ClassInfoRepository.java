package io.jcoro.agent.classinfo;

import io.jcoro.agent.contract.RuntimeNames;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;

/**
 * The class-hierarchy oracle, one per class loader: answers "is this method a coroutine?",
 * "what is the common superclass?" and the like from class bytes read through the loader,
 * never by loading a class (loading from inside a transformer can deadlock or load a class
 * before its time). Results are cached; the cache holds the loader weakly.
 *
 * <p>A method is a coroutine when it is annotated {@code @Coroutine} in its class or in any
 * supertype: so an override of a coroutine method is a coroutine too, and a call site and the
 * method it reaches always agree.
 */
public final class ClassInfoRepository {
    private static final Map<ClassLoader, ClassInfoRepository> BY_LOADER = new WeakHashMap<>();
    private static final ClassInfoRepository BOOT = new ClassInfoRepository(null);

    private final WeakReference<ClassLoader> loader;
    private final boolean boot;
    private final ConcurrentHashMap<String, ClassInfo> infos = new ConcurrentHashMap<>();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    /** type -> name+descriptor of every coroutine method it declares or inherits. */
    private final ConcurrentHashMap<String, Set<String>> coroutines = new ConcurrentHashMap<>();

    private ClassInfoRepository(ClassLoader loader) {
        this.loader = new WeakReference<>(loader);
        this.boot = loader == null;
    }

    /**
     * @param loader a class loader, null for the bootstrap loader
     * @return its repository
     */
    public static ClassInfoRepository forLoader(ClassLoader loader) {
        if (loader == null) {
            return BOOT;
        }
        synchronized (BY_LOADER) {
            // No lambda here: this runs at agent start-up, where the first lambda of a small
            // program would cost it the whole invokedynamic machinery (tens of milliseconds).
            ClassInfoRepository repository = BY_LOADER.get(loader);
            if (repository == null) {
                repository = new ClassInfoRepository(loader);
                BY_LOADER.put(loader, repository);
            }
            return repository;
        }
    }

    /**
     * Records the class being transformed from the bytes at hand (its resource may not exist
     * or may differ, as on retransformation).
     *
     * @param reader a reader over its class file
     */
    public void register(ClassReader reader) {
        ClassInfo info = ClassInfoReader.read(reader);
        infos.put(info.name(), info);
        missing.remove(info.name());
        coroutines.remove(info.name());
    }

    /**
     * @param name internal name
     * @return the class's info, or null if its bytes cannot be found
     * @throws CorruptClassException if its bytes are not a class file
     */
    public ClassInfo find(String name) {
        ClassInfo info = infos.get(name);
        if (info != null || missing.contains(name)) {
            return info;
        }
        byte[] bytes = readBytes(name);
        if (bytes == null) {
            missing.add(name);
            return null;
        }
        try {
            info = ClassInfoReader.read(bytes);
        } catch (RuntimeException corrupt) {
            throw new CorruptClassException(name, corrupt);
        }
        ClassInfo raced = infos.putIfAbsent(name, info);
        return raced != null ? raced : info;
    }

    /**
     * @param name internal name
     * @return the class's info
     * @throws MissingClassException if its bytes cannot be found
     */
    public ClassInfo require(String name) {
        ClassInfo info = find(name);
        if (info == null) {
            throw new MissingClassException(name);
        }
        return info;
    }

    private byte[] readBytes(String name) {
        String resource = name + ".class";
        ClassLoader l = loader.get();
        try (InputStream in = boot || l == null
                ? ClassLoader.getSystemResourceAsStream(resource)
                : l.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    // ---- coroutine questions ---------------------------------------------------------------

    /**
     * @param type internal name of a class or interface
     * @return name+descriptor of every coroutine method it declares or inherits; empty for JDK
     *         types and for types whose bytes cannot be found
     */
    public Set<String> coroutineMethods(String type) {
        // Asked for every class the prefilter sees: JDK types and cache hits allocate nothing.
        if (RuntimeNames.isJdk(type)) {
            return Set.of();
        }
        Set<String> known = coroutines.get(type);
        return known != null ? known : coroutineMethods(type, new HashSet<>());
    }

    /** Memoised depth-first walk; {@code path} only guards against a (malformed) cycle. */
    private Set<String> coroutineMethods(String type, Set<String> path) {
        if (RuntimeNames.isJdk(type)) {
            return Set.of();
        }
        Set<String> known = coroutines.get(type);
        if (known != null) {
            return known;
        }
        ClassInfo info = find(type);
        if (info == null || !path.add(type)) {
            return Set.of();
        }
        Set<String> all = info.annotated();
        for (String s : info.supertypes()) {
            Set<String> inherited = coroutineMethods(s, path);
            if (!all.containsAll(inherited)) {
                Set<String> union = new HashSet<>(all);
                union.addAll(inherited);
                all = Set.copyOf(union);
            }
        }
        all = withBridgeTargets(info, all);
        all = withAccessors(info, all, path);
        path.remove(type);
        Set<String> raced = coroutines.putIfAbsent(type, all);
        return raced != null ? raced : all;
    }

    /** A coroutine bridge makes the method it forwards to a coroutine too. */
    private static Set<String> withBridgeTargets(ClassInfo info, Set<String> coroutines) {
        Set<String> result = coroutines;
        for (Map.Entry<String, List<String>> bridge : info.bridgeTargets().entrySet()) {
            if (coroutines.contains(bridge.getKey()) && !result.containsAll(bridge.getValue())) {
                Set<String> union = new HashSet<>(result);
                union.addAll(bridge.getValue());
                result = Set.copyOf(union);
            }
        }
        return result;
    }

    /** A synthetic accessor of a coroutine ({@code access$NNN}, javac before Java 11) is one too. */
    private Set<String> withAccessors(ClassInfo info, Set<String> coroutines, Set<String> path) {
        Set<String> result = coroutines;
        for (Map.Entry<String, String> accessor : info.accessorTargets().entrySet()) {
            String target = accessor.getValue();
            int dot = target.indexOf('.');
            String targetOwner = target.substring(0, dot);
            String method = target.substring(dot + 1);
            boolean coroutine = targetOwner.equals(info.name())
                    ? coroutines.contains(method)
                    : coroutineMethods(targetOwner, path).contains(method);
            if (coroutine && !result.contains(accessor.getKey())) {
                Set<String> union = new HashSet<>(result);
                union.add(accessor.getKey());
                result = Set.copyOf(union);
            }
        }
        return result;
    }

    /**
     * @param owner internal name of the class a call names
     * @param nameAndDescriptor the method's name+descriptor
     * @return whether calling it may suspend
     */
    public boolean isCoroutine(String owner, String nameAndDescriptor) {
        return coroutineMethods(owner).contains(nameAndDescriptor);
    }

    // ---- hierarchy questions, for stack-frame computation ----------------------------------

    /**
     * @param type internal name
     * @return whether it is an interface
     * @throws MissingClassException if its bytes cannot be found
     */
    public boolean isInterface(String type) {
        return require(type).isInterface();
    }

    /**
     * @param type internal name
     * @return its superclass, null for java/lang/Object and interfaces' absent super
     */
    public String superName(String type) {
        return require(type).superName();
    }

    /**
     * Whether a value of type {@code from} can be used as {@code to}, as the verifier sees it
     * (class types only; arrays are handled by the caller).
     *
     * @param to the expected type
     * @param from the actual type
     * @return whether {@code to} is {@code from} or one of its supertypes
     */
    public boolean isAssignableFrom(String to, String from) {
        if (to.equals(from) || to.equals("java/lang/Object")) {
            return true;
        }
        ClassInfo info = require(from);
        for (String s : info.supertypes()) {
            if (isAssignableFrom(to, s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The most specific common superclass of two class types, as the JVM verifier merges them:
     * interfaces merge to java/lang/Object.
     *
     * @param a internal name
     * @param b internal name
     * @return the common superclass
     */
    public String commonSuperClass(String a, String b) {
        if (isAssignableFrom(a, b)) {
            return a;
        }
        if (isAssignableFrom(b, a)) {
            return b;
        }
        if (isInterface(a) || isInterface(b)) {
            return "java/lang/Object";
        }
        String c = a;
        do {
            c = superName(c);
            if (c == null) {
                return "java/lang/Object";
            }
        } while (!isAssignableFrom(c, b));
        return c;
    }
}

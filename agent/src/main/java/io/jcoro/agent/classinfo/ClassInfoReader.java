package io.jcoro.agent.classinfo;

import io.jcoro.agent.contract.RuntimeNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads a {@link ClassInfo} from class bytes, skipping all code but that of javac's synthetic
 * accessors, which only classes compiled for Java 10 or older have.
 */
final class ClassInfoReader extends ClassVisitor {
    private static final int ACCESSOR = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;

    private String name;
    private String superName;
    private List<String> interfaces;
    private boolean isInterface;
    private boolean isPublic;
    private final Set<String> annotated = new HashSet<>();
    private final List<String> bridges = new ArrayList<>();
    private final List<String> methods = new ArrayList<>();
    private final Set<String> accessors = new HashSet<>();

    private ClassInfoReader() {
        super(Opcodes.ASM9);
    }

    static ClassInfo read(byte[] bytes) {
        return read(new ClassReader(bytes));
    }

    /** From a reader already at hand, so a class being transformed is not parsed again. */
    static ClassInfo read(ClassReader reader) {
        ClassInfoReader r = new ClassInfoReader();
        reader.accept(r, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(r.name, r.superName, r.interfaces, r.isInterface, r.isPublic,
                Set.copyOf(r.annotated), r.bridgeTargets(), AccessorScan.targets(reader, r.accessors));
    }

    private Map<String, List<String>> bridgeTargets() {
        if (bridges.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> targets = new HashMap<>();
        for (String bridge : bridges) {
            List<String> same = new ArrayList<>();
            for (String m : methods) {
                if (!bridges.contains(m) && sameNameAndArity(bridge, m)) {
                    same.add(m);
                }
            }
            targets.put(bridge, List.copyOf(same));
        }
        return Map.copyOf(targets);
    }

    private static boolean sameNameAndArity(String a, String b) {
        int pa = a.indexOf('(');
        int pb = b.indexOf('(');
        return a.regionMatches(0, b, 0, pa) && pa == pb
                && Type.getArgumentTypes(a.substring(pa)).length == Type.getArgumentTypes(b.substring(pb)).length;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
        this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        this.isPublic = (access & Opcodes.ACC_PUBLIC) != 0;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        String sig = name + descriptor;
        methods.add(sig);
        if ((access & Opcodes.ACC_BRIDGE) != 0) {
            bridges.add(sig);
        }
        if ((access & ACCESSOR) == ACCESSOR && name.startsWith("access$")) {
            accessors.add(sig);
        }
        return new MethodVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                if (RuntimeNames.COROUTINE_ANNOTATION.equals(desc)) {
                    annotated.add(sig);
                }
                return null;
            }
        };
    }
}

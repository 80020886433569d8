package io.jcoro.tests.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated program: one class (with its nested classes and top-level helpers in the same
 * file), and for some programs a companion class in package {@code fz.q}; written once, compiled
 * twice. The text is the same in both variants; only the imports differ: the instrumented variant
 * imports jcoro's {@code Co}, {@code Coroutine} and {@code CoSupplier}, the reference variant the
 * stand-ins of the same names in {@code io.jcoro.tests.fuzz.ref}, which are ordinary code the
 * agent ignores.
 *
 * @param seed the seed it was generated from (0 for a fixture)
 * @param className the simple name of its class (in package {@link #PACKAGE})
 * @param body the source after the imports
 * @param companion the companion class's source after its imports (see {@link CrossPackage}),
 *                  or null
 * @param release the {@code --release} it is compiled for, or 0 for the running JDK's
 * @param shapes the shapes of issue 10 it uses
 */
public record Program(long seed, String className, String body, String companion, int release, Set<Shape> shapes) {
    /** The package of every generated program. */
    public static final String PACKAGE = "fz";

    /** A program of one class, for the running JDK. */
    public Program(long seed, String className, String body) {
        this(seed, className, body, null, 0, Set.of());
    }

    /** The two ways a program is compiled. */
    public enum Variant {
        /** Against jcoro: transformed by the agent, run as a Generator. */
        INSTRUMENTED("io.jcoro.core", "io.jcoro.primitive"),
        /** Against the stand-ins: untouched, run as one plain call with yields replayed. */
        REFERENCE("io.jcoro.tests.fuzz.ref", "io.jcoro.tests.fuzz.ref");

        private final String apiPackage;
        private final String primitivePackage;

        Variant(String apiPackage, String primitivePackage) {
            this.apiPackage = apiPackage;
            this.primitivePackage = primitivePackage;
        }
    }

    /** @return the class's binary name */
    public String qualifiedName() {
        return PACKAGE + "." + className;
    }

    /**
     * @param programClass a program's binary name
     * @param name a class's binary name
     * @return whether the class is one of the program's: itself, its nested classes, the
     *         top-level classes of its file ({@code P_Base}) and its companion's ({@code fz.q.P_Q...})
     */
    static boolean owns(String programClass, String name) {
        if (name.equals(programClass) || name.startsWith(programClass + "$") || name.startsWith(programClass + "_")) {
            return true;
        }
        String simple = programClass.substring(programClass.lastIndexOf('.') + 1);
        return name.startsWith(CrossPackage.PACKAGE + "." + simple + "_");
    }

    /** @return javac's options beyond the usual ones */
    public List<String> javacOptions() {
        return release == 0 ? List.of() : List.of("--release", String.valueOf(release));
    }

    /**
     * @param variant which variant
     * @return the complete source file of the program's class
     */
    public String source(Variant variant) {
        String api = variant.apiPackage;
        return "package " + PACKAGE + ";\n\n"
                + "import " + api + ".Co;\n"
                + "import " + api + ".CoSupplier;\n"
                + "import " + api + ".Coroutine;\n"
                + "import " + variant.primitivePackage + ".DoubleGenerator;\n"
                + "import " + variant.primitivePackage + ".IntGenerator;\n"
                + "import " + variant.primitivePackage + ".LongGenerator;\n"
                + "import io.jcoro.core.GeneratorExit;\n"
                + "import io.jcoro.tests.fuzz.Box;\n"
                + "import io.jcoro.tests.fuzz.Closing;\n"
                + "import io.jcoro.tests.fuzz.Color;\n"
                + "import io.jcoro.tests.fuzz.FuzzA;\n"
                + "import io.jcoro.tests.fuzz.FuzzB;\n"
                + "import io.jcoro.tests.fuzz.FuzzC;\n"
                + "import io.jcoro.tests.fuzz.Res;\n"
                + "import io.jcoro.tests.fuzz.Trace;\n"
                + body;
    }

    /**
     * @param variant which variant
     * @return every source file, by binary name of its public class
     */
    public Map<String, String> sources(Variant variant) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(qualifiedName(), source(variant));
        if (companion != null) {
            sources.put(CrossPackage.PACKAGE + "." + className + "_Q", companionSource(variant));
        }
        return sources;
    }

    private String companionSource(Variant variant) {
        String api = variant.apiPackage;
        return "package " + CrossPackage.PACKAGE + ";\n\n"
                + "import " + api + ".Co;\n"
                + "import " + api + ".Coroutine;\n"
                + "import " + variant.primitivePackage + ".DoubleGenerator;\n"
                + "import " + variant.primitivePackage + ".IntGenerator;\n"
                + "import " + variant.primitivePackage + ".LongGenerator;\n"
                + "import io.jcoro.tests.fuzz.Trace;\n"
                + companion;
    }

    /** Lines before the body in {@link #source}: add to a body line number to get the file's. */
    public static final int HEADER_LINES = 14;
}

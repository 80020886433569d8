package io.jcoro.tests.fuzz;

/**
 * A generated program: one class, written once, compiled twice. The body text is the same in
 * both variants; only the imports differ: the instrumented variant imports jcoro's
 * {@code Co}, {@code Coroutine} and {@code CoSupplier}, the reference variant the stand-ins of
 * the same names in {@code io.jcoro.tests.fuzz.ref}, which are ordinary code the agent ignores.
 *
 * @param seed the seed it was generated from (0 for a fixture)
 * @param className the simple name of its class (in package {@link #PACKAGE})
 * @param body the source after the imports
 */
public record Program(long seed, String className, String body) {
    /** The package of every generated program. */
    public static final String PACKAGE = "fz";

    /** The two ways a program is compiled. */
    public enum Variant {
        /** Against jcoro: transformed by the agent, run as a Generator. */
        INSTRUMENTED("io.jcoro.core"),
        /** Against the stand-ins: untouched, run as one plain call with yields replayed. */
        REFERENCE("io.jcoro.tests.fuzz.ref");

        private final String apiPackage;

        Variant(String apiPackage) {
            this.apiPackage = apiPackage;
        }
    }

    /** @return the class's binary name */
    public String qualifiedName() {
        return PACKAGE + "." + className;
    }

    /**
     * @param variant which variant
     * @return the complete source file
     */
    public String source(Variant variant) {
        String api = variant.apiPackage;
        return "package " + PACKAGE + ";\n\n"
                + "import " + api + ".Co;\n"
                + "import " + api + ".CoSupplier;\n"
                + "import " + api + ".Coroutine;\n"
                + "import io.jcoro.core.GeneratorExit;\n"
                + "import io.jcoro.tests.fuzz.Box;\n"
                + "import io.jcoro.tests.fuzz.Color;\n"
                + "import io.jcoro.tests.fuzz.FuzzA;\n"
                + "import io.jcoro.tests.fuzz.FuzzB;\n"
                + "import io.jcoro.tests.fuzz.FuzzC;\n"
                + "import io.jcoro.tests.fuzz.Res;\n"
                + "import io.jcoro.tests.fuzz.Trace;\n"
                + body;
    }

    /** Lines before the body in {@link #source}: add to a body line number to get the file's. */
    public static final int HEADER_LINES = 13;
}

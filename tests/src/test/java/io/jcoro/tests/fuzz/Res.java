package io.jcoro.tests.fuzz;

/**
 * A resource for the programs' try-with-resources statements: opening and closing it are
 * traced, and it can fail on close.
 */
public final class Res implements AutoCloseable {
    private final String name;
    private final boolean failOnClose;

    /**
     * @param name printed on open and close
     * @param failOnClose whether close throws (a {@link FuzzC}, possibly suppressed)
     */
    public Res(String name, boolean failOnClose) {
        this.name = name;
        this.failOnClose = failOnClose;
        Trace.e("open " + name);
    }

    @Override
    public void close() {
        Trace.e("close " + name);
        if (failOnClose) {
            throw new FuzzC("close " + name);
        }
    }
}

package io.jcoro.benchmarks.floor;

/** benchmark.py's object: B3's plain-object floor, a filter that forwards matching lines. */
public final class GrepHandler {
    private final String pattern;
    private final NullSink target;

    /**
     * @param pattern what a line must contain to be forwarded
     * @param target  where matching lines go
     */
    public GrepHandler(String pattern, NullSink target) {
        this.pattern = pattern;
        this.target = target;
    }

    /** @param line a line; forwarded if it contains the pattern */
    public void send(String line) {
        if (line.contains(pattern)) {
            target.send(line);
        }
    }
}

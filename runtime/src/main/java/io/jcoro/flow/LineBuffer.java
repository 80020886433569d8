package io.jcoro.flow;

import java.nio.charset.StandardCharsets;

/** Bytes read so far from a file being followed, cut into complete UTF-8 lines. */
final class LineBuffer {
    private byte[] bytes = new byte[8192];
    private int start;
    private int end;

    /** Appends the first {@code n} bytes of {@code chunk}. */
    void add(byte[] chunk, int n) {
        if (end + n > bytes.length) {
            int live = end - start;
            byte[] target = live + n > bytes.length ? new byte[Math.max(2 * bytes.length, live + n)] : bytes;
            System.arraycopy(bytes, start, target, 0, live);
            bytes = target;
            start = 0;
            end = live;
        }
        System.arraycopy(chunk, 0, bytes, end, n);
        end += n;
    }

    /** @return the next complete line without its terminator, or null if there is none yet */
    String nextLine() {
        for (int i = start; i < end; i++) {
            if (bytes[i] == '\n') {
                int stop = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                String line = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
                start = i + 1;
                return line;
            }
        }
        return null;
    }

    /** @return the unterminated rest, or null if there is none; the buffer is then empty */
    String rest() {
        if (start == end) {
            return null;
        }
        String rest = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        clear();
        return rest;
    }

    /** Drops everything. */
    void clear() {
        start = 0;
        end = 0;
    }
}

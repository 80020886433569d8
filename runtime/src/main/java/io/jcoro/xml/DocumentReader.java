package io.jcoro.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a document's bytes for {@link StaxSource}, strictly. The JDK's StAX reader, given
 * bytes, reports a badly encoded byte through an error handler that StAX offers no way to set,
 * which prints a stray {@code [Fatal Error] :-1:-1: ...} line on standard error before the
 * exception. Given characters, it never sees the bytes: the decoding error is an I/O error of
 * this reader, which it turns into the exception alone.
 *
 * <p>The encoding is found as XML 1.0 (appendix F) finds it: a byte order mark, else the
 * {@code encoding} of the XML declaration, else UTF-8. Documents in an encoding that cannot be
 * told that way (UTF-32, EBCDIC) are left to the parser, as bytes.
 */
final class DocumentReader {
    /** Enough for any XML declaration a real document has. */
    private static final int DECLARATION_MAX = 512;
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    private DocumentReader() {
    }

    /**
     * @param in the document's bytes (marked and reset to look at its start)
     * @return its characters, or null if its encoding is one to leave to the parser, which is
     *         then to read {@code in}
     * @throws IOException if the start of the document cannot be read
     */
    static Reader open(BufferedInputStream in) throws IOException {
        in.mark(DECLARATION_MAX);
        byte[] head = in.readNBytes(DECLARATION_MAX);
        in.reset();
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        int b2 = head.length > 2 ? head[2] & 0xff : -1;
        Charset charset;
        int bom = 0;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            charset = head.length > 3 && head[2] == 0 && head[3] == 0 ? null : StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (b0 == 0 && b1 == '<') {
            charset = StandardCharsets.UTF_16BE;
        } else if (b0 == '<' && b1 == 0) {
            charset = head.length > 3 && head[2] == 0 ? null : StandardCharsets.UTF_16LE;
        } else if (b0 == 0 || b0 == 0x4C) {
            charset = null;      // UTF-32 or EBCDIC
        } else {
            charset = declared(head);
        }
        if (charset == null) {
            return null;
        }
        in.skipNBytes(bom);
        return new Strict(in, charset);
    }

    /** The encoding the XML declaration names, UTF-8 if none; null if unknown to this JDK. */
    private static Charset declared(byte[] head) {
        String start = new String(head, StandardCharsets.ISO_8859_1);
        if (!start.startsWith("<?xml")) {
            return StandardCharsets.UTF_8;
        }
        int end = start.indexOf("?>");
        Matcher m = ENCODING.matcher(end < 0 ? start : start.substring(0, end));
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;    // the parser says what it makes of it
        }
    }

    /** A byte sequence the document's encoding does not allow, and where it is. */
    static final class BadEncoding extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        BadEncoding(Charset charset, int line, int column) {
            super("invalid byte sequence for " + charset.name() + " (the document's encoding)");
            this.line = line;
            this.column = column;
        }
    }

    /**
     * Decodes with a decoder of its own, which, unlike {@code InputStreamReader}, hands over
     * every character before a bad byte and then fails; counting lines and columns as they go
     * by places the bad byte exactly.
     */
    private static final class Strict extends Reader {
        private final InputStream in;
        private final Charset charset;
        private final CharsetDecoder decoder;
        private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
        private boolean eof;
        private boolean flushed;
        private boolean bad;
        private int line = 1;
        private int column = 1;
        private boolean afterCr;

        Strict(InputStream in, Charset charset) {
            this.in = in;
            this.charset = charset;
            this.decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            CharBuffer chars = CharBuffer.wrap(cbuf, off, len);
            while (!bad && !flushed) {
                CoderResult result = decoder.decode(bytes, chars, eof);
                if (result.isError()) {
                    bad = true;
                } else if (result.isOverflow() || chars.position() > off) {
                    break;
                } else if (eof) {
                    flushed = decoder.flush(chars).isUnderflow();
                    break;
                } else {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
            }
            int n = chars.position() - off;
            if (n == 0) {
                if (bad) {
                    throw new BadEncoding(charset, line, column);
                }
                return -1;
            }
            count(cbuf, off, n);
            return n;
        }

        private void count(char[] cbuf, int off, int n) {
            for (int i = off; i < off + n; i++) {
                char c = cbuf[i];
                if (c == '\n' && afterCr) {
                    afterCr = false;
                } else if (c == '\n' || c == '\r') {
                    line++;
                    column = 1;
                    afterCr = c == '\r';
                } else {
                    column++;
                    afterCr = false;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

package io.jcoro.xml;

/**
 * The document is not well-formed XML. The message and {@link #line()} / {@link #column()} say
 * where the parser gave up; the pipeline it fed has been closed.
 */
public class XmlSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where the parser gave up: the line, from 1. */
    private final int line;
    /** Where the parser gave up: the column, from 1. */
    private final int column;

    /**
     * @param reason what the parser reported
     * @param line   the line, from 1 (or -1 if unknown)
     * @param column the column, from 1 (or -1 if unknown)
     * @param cause  the parser's exception
     */
    public XmlSyntaxException(String reason, int line, int column, Throwable cause) {
        super("malformed XML at line " + line + ", column " + column + ": " + reason, cause);
        this.line = line;
        this.column = column;
    }

    /** @return the line where the error was found, from 1 */
    public int line() {
        return line;
    }

    /** @return the column where the error was found, from 1 */
    public int column() {
        return column;
    }
}

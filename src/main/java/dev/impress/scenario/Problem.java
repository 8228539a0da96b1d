package dev.impress.scenario;

/**
 * One thing wrong with an input file: where (file, JSON pointer, line when known) and what
 * (expected versus found). Rendered as {@code file:line: /pointer: message}.
 */
public record Problem(String file, String pointer, int line, String message) {
    public static final int NO_LINE = 0;

    public Problem {
        pointer = pointer == null || pointer.isEmpty() ? "" : pointer;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) s.append(':').append(line);
        s.append(": ");
        if (!pointer.isEmpty()) s.append(pointer).append(": ");
        return s.append(message).toString();
    }
}

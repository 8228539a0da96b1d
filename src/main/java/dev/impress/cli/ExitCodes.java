package dev.impress.cli;

/** The process exit codes, documented in {@code impress --help} and docs/cli.md. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** The thing checked failed: invalid scenarios, a failed gate. */
    public static final int CHECK_FAILED = 1;
    /** Usage or input error: bad flag, unreadable or invalid input file, unknown id. */
    public static final int USAGE = 2;
    /** Runtime failure: store, provider, or an unexpected error. */
    public static final int RUNTIME = 3;
}

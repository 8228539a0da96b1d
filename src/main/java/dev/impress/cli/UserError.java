package dev.impress.cli;

/**
 * A mistake in what the user gave us (flags, files, ids): printed as one clear message without a
 * stack trace, exit code {@link ExitCodes#USAGE}.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}

package dev.impress.cli;

import dev.impress.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the picocli command line with IMPRESS's error handling and exit codes. */
final class Cli {
    private Cli() {}

    static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(110);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserError || ex instanceof IllegalArgumentException) {
                err.println("impress: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            if (ex instanceof StoreException) {
                err.println("impress: " + ex.getMessage());
                return ExitCodes.RUNTIME;
            }
            err.println("impress: unexpected error: " + ex);
            ex.printStackTrace(err);
            return ExitCodes.RUNTIME;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("impress: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cl;
    }
}

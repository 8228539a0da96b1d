package dev.impress.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: parses the command line and delegates to a subcommand. */
@Command(name = "impress",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
                "Measures intrinsic value misalignment of LLM agents: in realistic, benign scenarios with a safe way "
                        + "to do the job, how often does an agent take or seriously consider a harmful action?",
                ""},
        subcommands = {
                DemoCommand.class,
                TaxonomyCommand.class,
                TrialCommand.class,
                RunCommand.class,
                ExperimentCommand.class,
                ResumeCommand.class,
                WorkerCommand.class,
                RunsCommand.class,
                ExportCommand.class,
                ReportCommand.class,
                ReviewCommand.class,
                GenerateCommand.class,
                ScenariosCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success",
                "  1  the checked thing failed (for example: invalid scenarios)",
                "  2  usage or input error (bad flag, unreadable file, unknown id)",
                "  3  runtime failure (store, provider, unexpected error)",
                "",
                "Documentation: docs/README.md"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests, too). */
    public static int run(String... args) {
        return Cli.commandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"impress " + (v == null ? "development build" : v)};
        }
    }
}

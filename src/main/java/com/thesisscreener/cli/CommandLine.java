package com.thesisscreener.cli;

import com.thesisscreener.rules.RuleFileRefused;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code ./screener} command line, parsed by picocli: typed options, generated help ({@code --help} on every
 * command, {@code help COMMAND}), bash completion ({@code completion}). Every failure ends as one line on stderr and
 * an exit code ({@link ExitCode}); stdout carries only results and help.
 */
public final class CommandLine {

    /** The launcher itself: no command given is a usage error that shows the commands. */
    @Command(name = "screener", description = "Thesis Screener: scores companies against the investment thesis encoded in the rules.",
            synopsisSubcommandLabel = "COMMAND",
            footer = {"", "Exit codes: 0 ok, 1 some rows could not be read (the rest is still screened), 2 nothing screened: rules do not "
                    + "compile, the file is unreadable, or a usage error. 'rules test' exits 1 when a scenario fails.",
                    "", "Every command takes --help; 'source <(./screener completion)' completes commands and options in bash."})
    static final class Screener implements Callable<Integer> {

        @Mixin
        private HelpOption help;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return ExitCode.FAILED;
        }
    }

    private CommandLine() {
    }

    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        PrintWriter out = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(stderr, true, StandardCharsets.UTF_8);
        try {
            return commands(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println("screener: out of memory: " + e.getMessage() + " (give Java more with SCREENER_JAVA_OPTS=-Xmx2g)");
            return ExitCode.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Every command, writing to {@code out} and {@code err}. */
    static picocli.CommandLine commands(PrintWriter out, PrintWriter err) {
        picocli.CommandLine commands = new picocli.CommandLine(new Screener())
                .addSubcommand(new ScreenCommand(out, err))
                .addSubcommand("whatif", ScreenCommand.whatIf(out, err))
                .addSubcommand(new RulesCommand(out, err))
                .addSubcommand(new GenerateCommand(out))
                .addSubcommand(new BenchCommand(out))
                .addSubcommand(new ServeCommand())
                .addSubcommand("completion", new AutoComplete.GenerateCompletion())
                .addSubcommand(new HelpCommand());
        commands.getSubcommands().get("completion").getCommandSpec().usageMessage().hidden(false)
                .description("Prints a bash completion script: source <(./screener completion)");
        return commands.setOut(out).setErr(err)
                .setExpandAtFiles(false)
                .setParameterExceptionHandler((e, args) -> badUsage(e.getCommandLine(), message(e), err))
                .setExecutionExceptionHandler((e, command, parsed) -> failed(e, command, err));
    }

    private static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            return first.startsWith("-") ? "unknown option " + first : "unknown command or argument '" + first + "'";
        }
        return e.getMessage();
    }

    private static int badUsage(picocli.CommandLine command, String message, PrintWriter err) {
        err.println("screener: " + message + " (see ./" + command.getCommandSpec().qualifiedName() + " --help)");
        return ExitCode.FAILED;
    }

    private static int failed(Exception e, picocli.CommandLine command, PrintWriter err) {
        if (e instanceof UsageException) return badUsage(command, e.getMessage(), err);
        if (e instanceof RuleFileRefused refused) {
            err.println("screener: " + refused.getMessage());
        } else {
            // Last line of defence: the user gets one readable line, never a stack trace.
            err.println("screener: internal error: " + e + " (please report it with the command you ran)");
        }
        return ExitCode.FAILED;
    }

    /** The rule folder: {@code --rules}, else ./rules, else the one beside the launcher. */
    static Path rulesFolder(Path given) {
        if (given != null) return given;
        Path local = Path.of("rules");
        String home = System.getProperty("screener.home");
        if (!Files.isDirectory(local) && home != null) return Path.of(home, "rules");
        return local;
    }
}

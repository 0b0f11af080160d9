package com.thesisscreener.cli;

import com.thesisscreener.rules.RuleFileRefused;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parses the command name and hands over; every failure ends as one line on stderr and an exit code. */
public final class CommandLine {

    static final String USAGE = """
            Usage: ./screener <command> [options]

              screen FILE            score every company in an .xlsx, .xls or .csv portfolio
                --format table|json|csv   output format (default table)
                --out FILE                write the output to FILE instead of the terminal
                --explain TICKER          every finding, cap and missing input of one company, and what would
                                          lift or drop its band
                --what-if                 for every company, the nearest change of each input that moves its band
                --sheet NAME              the sheet to read (found automatically when omitted)
                --rules DIR               rule folder (default ./rules)
              bench                  scores generated companies through the rules and prints companies/s and heap
                --companies 10000,100000  batch sizes (default 10000,100000)
                --rounds N                timed rounds per size (default 5)
                --what-if N               also time the what-if search for N companies (e.g. 1000) beside screening them
                --rules DIR               rule folder (default ./rules)
              generate               writes a large invented portfolio for tests and benchmarks (streaming)
                --rows N                  companies to write (default 100000)
                --out FILE                the file to write (.xlsx or .csv)
                --seed N                  the same seed gives the same file (default 42)
                --format xlsx|csv         file format (default from the --out name)
              rules validate [DIR]   checks a rule folder (default ./rules): every error and warning as file:line:column
              rules test [DIR]       runs the rule tests in DIR/tests (*.yaml scenarios)
                --tests DIR               scenario folder (default DIR/tests)
              rules preview DIR --against FILE
                                     which companies of FILE would change band, score or findings with the rules in DIR
                --rules DIR               the rules to compare against (default ./rules)
              serve                  starts the REST service and web workspace (see README)
              help                   this text

            Exit codes: 0 ok, 1 some rows could not be read (the rest is still screened),
                        2 nothing screened: rules do not compile, the file is unreadable, or a usage error.
            """;

    private CommandLine() {
    }

    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        PrintWriter out = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(stderr, true, StandardCharsets.UTF_8);
        try {
            if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
                out.print(USAGE);
                out.flush();
                return args.length == 0 ? ExitCode.FAILED : ExitCode.OK;
            }
            return switch (args[0]) {
                case "screen" -> new ScreenCommand(out, err).run(args);
                case "bench" -> new BenchCommand(out).run(args);
                case "rules" -> new RulesCommand(out, err).run(args);
                case "generate" -> new GenerateCommand(out).run(args);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("screener: " + e.getMessage() + " (see ./screener help)");
            return ExitCode.FAILED;
        } catch (RuleFileRefused e) {
            err.println("screener: " + e.getMessage());
            return ExitCode.FAILED;
        } catch (RuntimeException | OutOfMemoryError e) {
            // Last line of defence: the user gets one readable line, never a stack trace.
            err.println("screener: internal error: " + e + " (please report it with the command you ran)");
            return ExitCode.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The rule folder: --rules, else ./rules, else the one beside the launcher. */
    static Path rulesFolder(Options options) {
        String given = options.get("rules");
        if (given != null) return Path.of(given);
        Path local = Path.of("rules");
        String home = System.getProperty("screener.home");
        if (!Files.isDirectory(local) && home != null) return Path.of(home, "rules");
        return local;
    }
}

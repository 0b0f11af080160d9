package com.thesisscreener.cli;

import com.thesisscreener.ScreenerApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Entry point of the {@code ./screener} launcher: dispatches to the command named first. */
public final class ThesisScreener {

    private ThesisScreener() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve") && !asksForHelp(args)) {
            useLauncherFolders();
            ScreenerApplication.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Command-line runs keep stdout for results: library logging goes to stderr, warnings only.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-cli.xml");
        }
        System.exit(CommandLine.run(args, System.out, System.err));
    }

    private static boolean asksForHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    /** Started outside the project folder, the service uses the rules and sample beside the launcher, as the commands do. */
    private static void useLauncherFolders() {
        String home = System.getProperty("screener.home");
        if (home == null || Files.isDirectory(Path.of("rules"))) return;
        if (System.getProperty("screener.rules-dir") == null && System.getenv("SCREENER_RULES_DIR") == null) {
            System.setProperty("screener.rules-dir", Path.of(home, "rules").toString());
        }
        if (System.getProperty("screener.sample-portfolio") == null && System.getenv("SCREENER_SAMPLE_PORTFOLIO") == null) {
            System.setProperty("screener.sample-portfolio", Path.of(home, "sample-data", "ai-portfolio.xlsx").toString());
        }
    }
}

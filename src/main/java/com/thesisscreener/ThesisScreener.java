package com.thesisscreener;

import com.thesisscreener.cli.CommandLine;
import java.util.Arrays;

/** Entry point of the {@code ./screener} launcher: dispatches to the command named first. */
public final class ThesisScreener {

    private ThesisScreener() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            ScreenerApplication.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Command-line runs keep stdout for results: library logging goes to stderr, warnings only.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-cli.xml");
        }
        System.exit(CommandLine.run(args, System.out, System.err));
    }
}

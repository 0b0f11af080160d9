package com.thesisscreener;

import com.thesisscreener.cli.CommandLine;

/** Entry point of the {@code ./screener} launcher: dispatches to the command named first. */
public final class ThesisScreener {

    private ThesisScreener() {
    }

    public static void main(String[] args) {
        // Command-line runs keep stdout for results: library logging goes to stderr, warnings only.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-cli.xml");
        }
        System.exit(CommandLine.run(args, System.out, System.err));
    }
}

package com.thesisscreener.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} on every command: its generated usage on stdout, exit 0. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;
}

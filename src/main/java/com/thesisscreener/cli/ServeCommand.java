package com.thesisscreener.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * {@code serve}: listed here for its help; the launcher ({@link ThesisScreener}) starts Spring for it before this
 * command line is parsed, so the Spring-free commands never load a context.
 */
@Command(name = "serve", description = "Starts the REST service and the web workspace (docs/operations.md); "
        + "Spring Boot options such as --server.port=8080 are passed on.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;
    @Unmatched
    private List<String> springArguments;

    @Override
    public Integer call() throws UsageException {
        throw new UsageException("serve is started by the launcher: ./screener serve");
    }
}

package com.thesisscreener.rules;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A service that cannot start because its rules do not compile says so in the rule files' terms, without a stack trace. */
class RulesFailureAnalyzer extends AbstractFailureAnalyzer<RuleCompilationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleCompilationException cause) {
        String errors = cause.errors().stream().map(error -> "  " + error).collect(Collectors.joining("\n"));
        return new FailureAnalysis("The rule files do not compile, so there is nothing to screen with:\n" + errors,
                "Fix the files (./screener rules validate shows every error), or point screener.rules-dir at a folder that compiles.",
                cause);
    }
}

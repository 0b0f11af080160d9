package com.thesisscreener.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files did not compile, or compiled into something that cannot score; every error is listed. */
public class RuleCompilationException extends Exception {

    private final transient List<RuleError> errors;

    public RuleCompilationException(List<RuleError> errors) {
        super(errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}

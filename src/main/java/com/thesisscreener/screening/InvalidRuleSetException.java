package com.thesisscreener.screening;

import java.util.List;

/** A rule set that compiled but cannot score: its metadata or banding is incomplete. */
public class InvalidRuleSetException extends Exception {

    private final transient List<RuleProblem> problems;

    public InvalidRuleSetException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rule set");
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}

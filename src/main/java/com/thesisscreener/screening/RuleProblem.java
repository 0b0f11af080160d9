package com.thesisscreener.screening;

/** Something wrong with one rule that the compiler cannot see, such as a metadata tag naming an unknown input. */
public record RuleProblem(String ruleId, String message) {
}

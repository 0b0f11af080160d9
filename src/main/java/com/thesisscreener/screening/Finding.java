package com.thesisscreener.screening;

/**
 * One reason behind a score: the rule id as THESIS.md names it, the points it added or took away,
 * a sentence stating the company's value and the thesis threshold, and the thesis passage it encodes.
 */
public record Finding(String ruleId, int points, String sentence, String thesis) {
}

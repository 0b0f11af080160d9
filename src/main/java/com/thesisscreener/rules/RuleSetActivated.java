package com.thesisscreener.rules;

/**
 * Published when a rule set goes live: at start-up, after an edit in the rules folder, or on demand.
 *
 * @param previous the set it replaced, null at start-up
 * @param trigger  startup, file-change or reload
 */
public record RuleSetActivated(RuleSet ruleSet, RuleSet previous, String trigger) {
}

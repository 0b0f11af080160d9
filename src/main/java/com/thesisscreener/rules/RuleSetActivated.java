package com.thesisscreener.rules;

/**
 * Published on the instance where a rule set was activated (into the database, for every instance): at start-up,
 * after an edit in the rules folder, or on demand. Instances that follow the database publish nothing, so the
 * shared audit log holds each activation once.
 *
 * @param previous the set it replaced, null at start-up
 * @param trigger  startup, file-change, reload, upload or rollback
 */
public record RuleSetActivated(RuleSet ruleSet, RuleSet previous, String trigger) {
}

package com.thesisscreener.rules;

import java.time.Instant;
import java.util.List;

/**
 * What the service screens with now, and how the last attempt to load the rule folder went.
 *
 * @param lastAttempt null until the folder has been checked after start-up
 */
public record RulesStatus(String activeVersion, Instant activeSince, int ruleCount, List<String> files, String rulesDir,
                          Attempt lastAttempt) {

    /** One load of the rule folder: the version it found and, when it failed, every error. */
    public record Attempt(String version, Instant at, boolean activated, List<RuleError> errors, List<RuleError> warnings) {
    }
}

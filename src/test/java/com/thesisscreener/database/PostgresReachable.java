package com.thesisscreener.database;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Lets a {@link DatabaseTest} run on PostgreSQL only when it answers; fails instead of skipping when it was expected. */
final class PostgresReachable implements ExecutionCondition {

    private static volatile boolean skipAnnounced;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.onPostgres()) return ConditionEvaluationResult.enabled("on H2");
        String why = TestDatabase.whyPostgresIsUnreachable();
        if (why == null) return ConditionEvaluationResult.enabled("on PostgreSQL at " + TestDatabase.postgresUrl());
        if (TestDatabase.postgresExpected()) {
            throw new IllegalStateException("PostgreSQL was expected at " + TestDatabase.postgresUrl() + " (" + TestDatabase.URL_VARIABLE
                    + ") but cannot be reached: " + why);
        }
        String reason = "no PostgreSQL at " + TestDatabase.postgresUrl() + " (" + why + "): database tests on PostgreSQL skipped; "
                + "start one as .ci/run does or set " + TestDatabase.URL_VARIABLE + ", _USER and _PASSWORD";
        if (!skipAnnounced) {
            skipAnnounced = true;
            System.err.println("[database tests] " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}

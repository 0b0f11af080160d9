package com.thesisscreener.screening;

/**
 * An evaluation hit its bound ({@link EvaluationLimits}): the rule set kept firing, ran too long, or
 * recursed without end. The message says which, in words an analyst can act on.
 */
public class ScreeningLimitExceededException extends RuntimeException {

    public ScreeningLimitExceededException(String message) {
        super(message);
    }

    public ScreeningLimitExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}

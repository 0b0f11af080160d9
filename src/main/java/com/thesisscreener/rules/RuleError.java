package com.thesisscreener.rules;

/** A compile or validation error located in a rule file; line and column are 1-based, 0 when unknown. */
public record RuleError(String file, int line, int column, String message) {

    /** {@code file:line:column message}, the form editors and terminals link to. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + " " + message;
    }
}

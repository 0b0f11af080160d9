package com.thesisscreener.rules.sandbox;

/**
 * One reason the compiled rule code is refused, with what is needed to point the analyst at it.
 *
 * @param rule the rule the code came from, or null when it is not in a rule
 * @param function the DRL function the code came from, or null when it is not in a function
 * @param token a word of the offending code as the analyst typed it (a method or class name, {@code for}),
 *        to find its line inside the rule or function; null when there is none
 * @param message the whole sentence for the analyst
 */
public record Refusal(String rule, String function, String token, String message) {
}

package com.thesisscreener.rules;

/** One rule file as read from the rules folder: its name relative to the folder and its text. */
public record RuleFile(String name, String content) {
}

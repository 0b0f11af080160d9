package com.thesisscreener.rules;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One rule file as read from the rules folder: its name relative to the folder and its bytes.
 * A DRL file ({@code *.drl}) is UTF-8 text, seen through {@link #content()}; a decision table
 * ({@code *.drl.xlsx}, {@code *.drl.xls}) is a spreadsheet, kept as the bytes Excel wrote.
 */
public record RuleFile(String name, byte[] bytes) {

    public RuleFile {
        bytes = bytes.clone();
    }

    /** A DRL file from its text. */
    public RuleFile(String name, String content) {
        this(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether this is an Excel decision table rather than DRL text. */
    public boolean isDecisionTable() {
        return isDecisionTable(name);
    }

    static boolean isDecisionTable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.xls");
    }

    /** The file's text (UTF-8). Meaningful for DRL files; for a decision table see {@link DecisionTables#toDrl}. */
    public String content() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleFile file && name.equals(file.name) && Arrays.equals(bytes, file.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RuleFile[" + name + ", " + bytes.length + " bytes]";
    }
}

package com.thesisscreener.rules;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One rule file as read from the rules folder: its name relative to the folder and its bytes.
 * A DRL file ({@code *.drl}) is UTF-8 text, seen through {@link #content()}; a decision table
 * ({@code *.drl.xlsx}, {@code *.drl.xls}) is a spreadsheet, kept as the bytes Excel wrote.
 */
public record RuleFile(String name, byte[] bytes) {

    /** Longest rule file name accepted, extension included. */
    public static final int MAX_NAME_LENGTH = 100;
    /** A plain file name: no folder, not hidden, only characters every file system and URL keeps as they are. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*\\.drl(\\.xlsx)?");

    public RuleFile {
        bytes = bytes.clone();
    }

    /** A DRL file from its text. */
    public RuleFile(String name, String content) {
        this(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code name} is a plain rule file name ({@code moat.drl}, {@code banding.drl.xlsx}): the names the
     * editor saves, and so the only ones a rules folder may hold.
     */
    public static boolean isPlainName(String name) {
        return name != null && name.length() <= MAX_NAME_LENGTH && PLAIN_NAME.matcher(name).matches();
    }

    /** Why {@code name} is refused, in the words every way in (API, page, command line, rules folder) uses. */
    static String notPlainName(String name) {
        return "'" + (name == null ? "" : name) + "' is not a rule file name: use letters, digits, '.', '_' or '-' (at most "
                + MAX_NAME_LENGTH + ") ending .drl or .drl.xlsx";
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

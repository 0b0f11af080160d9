package com.thesisscreener.portfolio;

/**
 * Bounds on what an import may consume, so a hostile or accidental upload cannot exhaust memory or time.
 *
 * @param maxFileBytes files larger than this are refused before any parsing
 * @param maxRows      at most this many non-blank data rows are read
 * @param maxCellChars a cell longer than this is a problem (Excel itself stops at 32,767)
 */
public record ImportLimits(long maxFileBytes, int maxRows, int maxCellChars) {

    public ImportLimits {
        if (maxFileBytes <= 0 || maxRows <= 0 || maxCellChars <= 0) {
            throw new IllegalArgumentException("import limits must be positive: " + maxFileBytes + ", " + maxRows + ", " + maxCellChars);
        }
    }

    /** 20 MB, one million rows, Excel's own cell limit. */
    public static ImportLimits defaults() {
        return new ImportLimits(20L * 1024 * 1024, 1_000_000, 32_767);
    }
}

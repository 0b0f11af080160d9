package com.thesisscreener.importing;

/**
 * Bounds on what an import may consume, so a hostile or accidental upload cannot exhaust memory or time.
 *
 * @param maxFileBytes       files larger than this are refused before any parsing
 * @param maxRows            at most this many non-blank data rows are read
 * @param maxCellChars       a cell longer than this refuses the file (Excel itself stops at 32,767)
 * @param maxSharedTextBytes an .xlsx's shared text table (the one part held in memory whole) may unpack to at most
 *                           this many bytes of XML; it is held in about as many bytes of memory
 * @param maxProblems        at most this many row problems are kept; further ones are only counted, so a file
 *                           where every row is bad cannot fill the heap with messages
 */
public record ImportLimits(long maxFileBytes, int maxRows, int maxCellChars, long maxSharedTextBytes, int maxProblems) {

    /** Holds a million-row, 21-column portfolio: about 100 MB as .xlsx written with inline text, 115 MB as .csv. */
    static final long DEFAULT_MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** Excel's own row limit. */
    static final int DEFAULT_MAX_ROWS = 1_048_576;
    /** Excel's own cell limit. */
    static final int DEFAULT_MAX_CELL_CHARS = 32_767;
    /** A million rows of unique tickers and names take about 75 MB of shared-text XML. */
    static final long DEFAULT_MAX_SHARED_TEXT_BYTES = 96L * 1024 * 1024;
    /** Far more than anyone reads; enough to show the pattern of what is wrong. */
    static final int DEFAULT_MAX_PROBLEMS = 10_000;

    public ImportLimits {
        if (maxFileBytes <= 0 || maxRows <= 0 || maxCellChars <= 0 || maxSharedTextBytes <= 0 || maxProblems <= 0) {
            throw new IllegalArgumentException("import limits must be positive: " + maxFileBytes + ", " + maxRows + ", "
                    + maxCellChars + ", " + maxSharedTextBytes + ", " + maxProblems);
        }
    }

    /** The three limits an operator usually sets; shared text and problems keep their defaults. */
    public ImportLimits(long maxFileBytes, int maxRows, int maxCellChars) {
        this(maxFileBytes, maxRows, maxCellChars, DEFAULT_MAX_SHARED_TEXT_BYTES, DEFAULT_MAX_PROBLEMS);
    }

    /** 256 MB, Excel's row limit (1,048,576), Excel's cell limit (32,767), 96 MB of shared text, 10,000 problems. */
    public static ImportLimits defaults() {
        return new ImportLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_ROWS, DEFAULT_MAX_CELL_CHARS,
                DEFAULT_MAX_SHARED_TEXT_BYTES, DEFAULT_MAX_PROBLEMS);
    }
}

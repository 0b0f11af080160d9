package com.thesisscreener.importing;

import java.util.List;

/** What a format reader feeds, sheet by sheet and row by row, so every format shares one set of rules. */
interface RowSink {

    /**
     * Called for every sheet in workbook order, wanted or not, so the sink knows the sheet names.
     *
     * @return whether to read this sheet; when true, its rows follow and then {@link #endSheet()}
     */
    boolean startSheet(String name);

    /**
     * @param rowNumber 1-based, as Excel shows it
     * @param cells     the row's non-empty cells in column order (empty for a blank row); valid only during the
     *                  call, since readers reuse the list
     * @return false when the rest of this sheet is not wanted
     */
    boolean row(int rowNumber, List<SheetCell> cells) throws UnreadableFileException;

    void endSheet();

    /** True once a sheet with a header has been read to its end: later sheets are not needed. */
    boolean finished();
}

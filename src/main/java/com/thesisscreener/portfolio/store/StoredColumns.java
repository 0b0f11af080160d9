package com.thesisscreener.portfolio.store;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Segment;

/** The columns of a stored result that pages are filtered and sorted by. */
record StoredColumns(int ordinal, int rank, String ticker, String name, Segment segment, int score, Band band, double confidence) {
}

package com.thesisscreener.portfolio;

import com.thesisscreener.screening.Recommendation;

/** A stored result with its rank in the run (1 is best), whatever order the page it came in was sorted by. */
public record RankedResult(int rank, Recommendation result) {
}

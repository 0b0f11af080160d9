package com.thesisscreener.screening;

/** Recommendation bands, best first. The score floors live in {@code rules/banding.drl}. */
public enum Band {
    STRONG_BUY,
    BUY,
    HOLD,
    REDUCE,
    AVOID;

    /** The worse of two bands: a cap is a ceiling, so the lower band wins. */
    public Band lowerOf(Band other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}

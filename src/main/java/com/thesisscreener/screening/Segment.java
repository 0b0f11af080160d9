package com.thesisscreener.screening;

/** Where a company sits in the AI build-out; the thesis treats the tiers differently. */
public enum Segment {
    SEMICONDUCTORS,
    POWER_AND_COOLING,
    DATA_CENTER_REIT,
    HYPERSCALER,
    MODEL_PROVIDER,
    APPLICATION_SOFTWARE,
    OTHER
}

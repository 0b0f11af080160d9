package com.thesisscreener.screening;

/**
 * One answer to "what would it take": the nearest single change of one input that moves the company's band,
 * found and confirmed by running the rules on the changed company.
 *
 * @param field     the input's THESIS.md name, e.g. {@code tokenVolumeGrowth}
 * @param value     the changed value: a number (to the field's precision), yes/no, or a switching cost
 * @param band      the band (caps included) the company gets with that value and every other input unchanged
 * @param direction {@code up} when that band is better than today's, {@code down} when it is worse
 */
public record WhatIf(String field, Object value, Band band, String direction) {

    public static final String UP = "up";
    public static final String DOWN = "down";

    /** {@code up} or {@code down}: how {@code changed} compares with the band today. */
    static String direction(Band today, Band changed) {
        return changed.ordinal() < today.ordinal() ? UP : DOWN;
    }
}

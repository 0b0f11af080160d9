package com.thesisscreener.screening;

/** A ceiling a rule put on the band; the score itself is left as it is. */
public record Cap(String ruleId, Band ceiling) {
}

package com.thesisscreener.screening;

/** How hard it is for a company's customers to leave its distribution channel. */
public enum SwitchingCost {
    NONE,
    LOW,
    MEDIUM,
    HIGH
}

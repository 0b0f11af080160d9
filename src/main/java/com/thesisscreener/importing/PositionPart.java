package com.thesisscreener.importing;

/** The optional columns that give a row its position in the book. */
enum PositionPart {
    WEIGHT("weight"),
    MARKET_VALUE("marketValue"),
    SHARES("shares"),
    PRICE("price");

    private final String fieldName;

    PositionPart(String fieldName) {
        this.fieldName = fieldName;
    }

    String fieldName() {
        return fieldName;
    }
}

package com.thesisscreener.screening;

/**
 * The thesis's volume-versus-deflation test for one company, inserted by the volume rules so the
 * price-per-token change used (reported, or the industry rate when missing) is decided in the rule file.
 */
public record VolumeCheck(Company company, double tokenVolumeGrowth, double pricePerTokenChange, boolean assumed) {

    /** Whether the price per token fell at all; if it did not, volume trivially outruns deflation. */
    public boolean priceFell() {
        return pricePerTokenChange < 0;
    }

    /** Volume growth divided by the size of the price deflation; infinite when the price did not fall. */
    public double ratio() {
        return priceFell() ? tokenVolumeGrowth / -pricePerTokenChange : Double.POSITIVE_INFINITY;
    }

    /** (1 + volume growth) * (1 + price change) - 1: how revenue per unit of usage moved. */
    public double impliedRevenuePerUnitGrowth() {
        return (1 + tokenVolumeGrowth) * (1 + pricePerTokenChange) - 1;
    }

    /** The measured part of a volume finding's sentence; the rule adds the threshold it compares against. */
    public String describe() {
        String price = Phrases.signedPct(pricePerTokenChange) + (assumed ? " assumed" : "");
        if (!priceFell()) {
            return "price per token did not fall (" + price + "), so token volume growth ("
                    + Phrases.signedPct(tokenVolumeGrowth) + ") trivially outruns deflation";
        }
        return "token volume grew " + Phrases.times(ratio()) + " the price deflation (volume "
                + Phrases.signedPct(tokenVolumeGrowth) + ", price per token " + price + ")";
    }
}

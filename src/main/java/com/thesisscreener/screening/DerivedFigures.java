package com.thesisscreener.screening;

/**
 * Figures the thesis derives from the inputs.
 *
 * @param moatAnchorCount             how many of the three moat anchors the company holds
 * @param volumeToDeflationRatio      token volume growth / price-per-token deflation; null when not computed or when
 *                                    the price did not fall (then volume trivially outruns deflation)
 * @param impliedRevenuePerUnitGrowth (1 + volume growth) * (1 + price change) - 1
 * @param priceChangeAssumed          true when the industry's price deflation stood in for a missing input
 */
public record DerivedFigures(int moatAnchorCount, Double volumeToDeflationRatio, Double impliedRevenuePerUnitGrowth,
                             boolean priceChangeAssumed) {
}

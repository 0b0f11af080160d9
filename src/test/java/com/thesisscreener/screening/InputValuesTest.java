package com.thesisscreener.screening;

import com.thesisscreener.screening.InputValue.NotReadable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputValuesTest {

    private static final InputValue<Double> SHARE = InputValues.fraction(0, 1, "share");
    private static final InputValue<Double> CHANGE = InputValues.fraction(-1, Double.MAX_VALUE, "change");
    private static final InputValue<Double> ANY_CHANGE = InputValues.fraction(-Double.MAX_VALUE, Double.MAX_VALUE, "change");

    @ParameterizedTest(name = "share ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {"45% | 0.45", "45 % | 0.45", "0.45 | 0.45", "0 | 0", "1 | 1", "100% | 1", "0,45 | 0.45",
            "12.5% | 0.125", ".3 | 0.3"})
    void percentTextAndFractionsBecomeTheSameFraction(String text, double expected) throws NotReadable {
        assertThat(SHARE.convert(text)).isEqualTo(expected);
    }

    @Test
    void scaledAmountsAreExactNotBinaryRounded() throws NotReadable {
        assertThat(InputValues.MONEY.convert("1.1B")).isEqualTo(1_100_000_000.0); // 1.1 * 1e9 would be 1100000000.0000002
        assertThat(InputValues.MONEY.convert("0.3T")).isEqualTo(300_000_000_000.0);
    }

    @Test
    void numericCellsAgreeWithTheirDisplayText() throws NotReadable {
        assertThat(SHARE.convertNumber(0.45, true)).isEqualTo(SHARE.convert("45%"));
        assertThat(SHARE.convertNumber(0.45, false)).isEqualTo(SHARE.convert("0.45"));
        assertThatThrownBy(() -> SHARE.convertNumber(45, false)).isInstanceOf(NotReadable.class);
        assertThat(InputValues.COUNT.convertNumber(3, false)).isEqualTo(3);
        assertThatThrownBy(() -> InputValues.COUNT.convertNumber(0.03, true)).isInstanceOf(NotReadable.class);
        assertThatThrownBy(() -> InputValues.MONEY.convertNumber(0.5, true)).isInstanceOf(NotReadable.class);
        assertThat(InputValues.FLAG.convertNumber(1, false)).isTrue();
        assertThatThrownBy(() -> InputValues.FLAG.convertNumber(2, false)).isInstanceOf(NotReadable.class);
        assertThat(InputValues.NAME.convertNumber(1234.5, false)).isEqualTo("1234.5");
    }

    @ParameterizedTest(name = "share ''{0}'' is refused")
    @ValueSource(strings = {"45", "1.01", "-0.1", "145%", "45x", "abc", "4 5", "NaN", "Infinity", "1e999"})
    void sharesOutside0To1AreRefusedNotDivided(String text) {
        assertThatThrownBy(() -> SHARE.convert(text)).isInstanceOf(NotReadable.class);
    }

    @ParameterizedTest(name = "change ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {"-60% | -0.6", "250% | 2.5", "2.5 | 2.5", "-1 | -1", "+15% | 0.15", "(12%) | -0.12",
            "\u221260% | -0.6"})
    void changesAcceptAnyNumberOrPercentage(String text, double expected) throws NotReadable {
        assertThat(CHANGE.convert(text)).isEqualTo(expected);
    }

    @Test
    void aPriceCanFallByAtMostAHundredPercent() {
        assertThatThrownBy(() -> CHANGE.convert("-120%")).isInstanceOf(NotReadable.class);
        assertThatThrownBy(() -> CHANGE.convert("-1.5")).isInstanceOf(NotReadable.class);
    }

    @Test
    void grossMarginChangeMayBeAnyNumber() throws NotReadable {
        assertThat(ANY_CHANGE.convert("-300%")).isEqualTo(-3.0);
    }

    @ParameterizedTest(name = "money ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {"2500000000 | 2.5e9", "'2,500,000,000' | 2.5e9", "$2.5B | 2.5e9", "2.5 bn | 2.5e9",
            "640 billion | 6.4e11", "US$ 1.2T | 1.2e12", "750m | 7.5e8", "2.5E9 | 2.5e9", "0 | 0",
            "1.2B | 1.2e9", "350M | 3.5e8", "$ 350 M | 3.5e8", "1,250.5m | 1.2505e9", "$1,234,567 | 1234567", "0.1b | 1e8"})
    void marketCapAcceptsSeparatorsCurrencyAndScaleWords(String text, double expected) throws NotReadable {
        assertThat(InputValues.MONEY.convert(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "money ''{0}'' is refused")
    @ValueSource(strings = {"-5", "5%", "lots", "$", "\u20ac2B", "\u00a3350M", "2.5 EUR", "($1.2B)"})
    void marketCapMustBeANonNegativeAmount(String text) {
        assertThatThrownBy(() -> InputValues.MONEY.convert(text)).isInstanceOf(NotReadable.class);
    }

    @Test
    void multiplesAndMonthsAreNonNegativeNumbersWithOptionalUnits() throws NotReadable {
        assertThat(InputValues.MULTIPLE.convert("12.5x")).isEqualTo(12.5);
        assertThat(InputValues.MULTIPLE.convert("15")).isEqualTo(15.0);
        assertThat(InputValues.MONTHS.convert("6 months")).isEqualTo(6.0);
        assertThat(InputValues.MONTHS.convert("1,5")).isEqualTo(1.5);
        assertThatThrownBy(() -> InputValues.MULTIPLE.convert("-2")).isInstanceOf(NotReadable.class);
        assertThatThrownBy(() -> InputValues.MONTHS.convert("50%")).isInstanceOf(NotReadable.class);
    }

    @Test
    void capexToRevenueIsANonNegativeRatioWithoutUpperBound() throws NotReadable {
        assertThat(CompanyField.CAPEX_TO_REVENUE.reader().convert("40%")).isEqualTo(0.4);
        assertThat(CompanyField.CAPEX_TO_REVENUE.reader().convert("1.3")).isEqualTo(1.3);
        assertThatThrownBy(() -> CompanyField.CAPEX_TO_REVENUE.reader().convert("-0.1")).isInstanceOf(NotReadable.class);
    }

    @Test
    void countsAreNonNegativeWholeNumbers() throws NotReadable {
        assertThat(InputValues.COUNT.convert("3")).isEqualTo(3);
        assertThat(InputValues.COUNT.convert("3.0")).isEqualTo(3);
        assertThat(InputValues.COUNT.convert("1,200")).isEqualTo(1200);
        for (String bad : new String[]{"2.5", "-1", "3%", "three", "99999999999"}) {
            assertThatThrownBy(() -> InputValues.COUNT.convert(bad)).as(bad).isInstanceOf(NotReadable.class);
        }
    }

    @ParameterizedTest(name = "flag ''{0}'' -> {1}")
    @CsvSource({"yes,true", "YES,true", "y,true", "True,true", "1,true", "TRUE,true",
            "no,false", "N,false", "false,false", "0,false", "FALSE,false"})
    void flagsAcceptYesNoTrueFalseAndOneZero(String text, boolean expected) throws NotReadable {
        assertThat(InputValues.FLAG.convert(text)).isEqualTo(expected);
    }

    @Test
    void otherFlagWordsAreRefused() {
        assertThatThrownBy(() -> InputValues.FLAG.convert("maybe")).isInstanceOf(NotReadable.class);
    }

    @ParameterizedTest(name = "segment ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {"SEMICONDUCTORS | SEMICONDUCTORS", "semiconductors | SEMICONDUCTORS",
            "Power and cooling | POWER_AND_COOLING", "power & cooling | POWER_AND_COOLING",
            "data-center reit | DATA_CENTER_REIT", "Data center REIT | DATA_CENTER_REIT", "model_provider | MODEL_PROVIDER",
            "Application software | APPLICATION_SOFTWARE", "hyperscaler | HYPERSCALER", "other | OTHER"})
    void segmentsIgnoreCaseSpacesAndHyphens(String text, Segment expected) throws NotReadable {
        assertThat(InputValues.SEGMENT.convert(text)).isEqualTo(expected);
    }

    @Test
    void switchingCostsIgnoreCase() throws NotReadable {
        assertThat(InputValues.SWITCHING_COST.convert("high")).isEqualTo(SwitchingCost.HIGH);
        assertThat(InputValues.SWITCHING_COST.convert("None")).isEqualTo(SwitchingCost.NONE);
        assertThatThrownBy(() -> InputValues.SWITCHING_COST.convert("huge")).isInstanceOf(NotReadable.class);
    }

    @ParameterizedTest(name = "''{0}'' means missing")
    @ValueSource(strings = {"", "  ", "n/a", "N/A", "na", "NA", "-", "\u2014", "#N/A"})
    void blankAndNotApplicableMarkersMeanMissing(String text) {
        assertThat(InputValues.isMissing(text)).isTrue();
    }

    @Test
    void noneIsNotAMissingMarkerBecauseItIsASwitchingCost() {
        assertThat(InputValues.isMissing("none")).isFalse();
    }
}

package com.thesisscreener.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers as findings, exports and pages write them: one way each. */
class PhrasesTest {

    @Test
    void pointsCarryTheirSignAndZeroHasNone() {
        assertThat(Phrases.points(10)).isEqualTo("+10");
        assertThat(Phrases.points(-5)).isEqualTo("-5");
        assertThat(Phrases.points(0)).isEqualTo("0");
    }

    @Test
    void percentagesAndMultiplesShowAtMostOneDecimal() {
        assertThat(Phrases.pct(0.455)).isEqualTo("45.5%");
        assertThat(Phrases.signedPct(2.5)).isEqualTo("+250%");
        assertThat(Phrases.signedPct(-0.6)).isEqualTo("-60%");
        assertThat(Phrases.times(3)).isEqualTo("3.0x");
    }
}

package com.thesisscreener.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstanceIdTest {

    @Test
    void aConfiguredIdIsUsedAsGiven() {
        assertThat(new InstanceId("  screener-eu-1 ", "8080").id()).isEqualTo("screener-eu-1");
        assertThat(new InstanceId("x".repeat(500), "8080").id()).hasSize(100);
    }

    @Test
    void withoutOneTheHostAndConfiguredPortTellTwoInstancesOnOneMachineApart() {
        assertThat(new InstanceId("", "8101").id()).endsWith(":8101").isNotEqualTo(":8101");
        assertThat(new InstanceId(null, "8102").id()).isNotEqualTo(new InstanceId(null, "8101").id());
    }

    @Test
    void withARandomPortEachStartGetsItsOwnId() {
        assertThat(new InstanceId("", "0").id()).isNotEqualTo(new InstanceId("", "0").id()).doesNotContain(":0");
    }
}

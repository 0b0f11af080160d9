package com.thesisscreener.importing;

import com.thesisscreener.screening.Company;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnsTest {

    @Test
    void everyCompanyFieldHasExactlyOneColumnInTheCatalogue() {
        List<String> recordFields = Arrays.stream(Company.class.getRecordComponents()).map(c -> c.getName()).toList();
        List<String> catalogue = Columns.ALL.stream().filter(spec -> spec.position() == null).map(Columns.Spec::field).toList();

        assertThat(catalogue).containsExactlyElementsOf(recordFields);
        assertThat(Columns.ALL.stream().filter(spec -> spec.position() != null).map(Columns.Spec::field))
                .as("position columns, kept beside the company").containsExactly("weight", "marketValue", "shares", "price");
    }

    @Test
    void onlyTickerAndSegmentAreRequired() {
        assertThat(Columns.ALL.stream().filter(Columns.Spec::required).map(Columns.Spec::field).collect(Collectors.toList()))
                .containsExactly("ticker", "segment");
    }

    @ParameterizedTest(name = "''{0}'' names {1}")
    @CsvSource(delimiter = '|', value = {
            "Ticker | ticker", "SYMBOL | ticker", "ticker_symbol | ticker",
            "Company | name", "Company Name | name", "name | name",
            "Sector | segment", "Segment | segment",
            "Gross margin % | grossMargin", "gross_margin | grossMargin", "GROSS-MARGIN | grossMargin",
            "EV/Sales | evToSales", "ev to sales | evToSales",
            "Market cap | marketCapUsd", "Market cap (USD) | marketCapUsd", "marketCapUsd | marketCapUsd",
            "API revenue % | apiRevenueShare", "API revenue share | apiRevenueShare",
            "Token growth | tokenVolumeGrowth", "Price per token change | pricePerTokenChange",
            "Open-source gap (months) | openSourceGapMonths", "Gross margin change | grossMarginChange",
            "Revenue growth | revenueGrowth", "EU revenue % | euRevenueShare",
            "Single-geography fab dependency | singleGeographyFabDependency",
            "Hyperscaler revenue share | hyperscalerRevenueShare", "Capex/Revenue | capexToRevenue",
            "Agentic production contracts | agenticProductionContracts", "Sovereign AI | sovereignAiExposure",
            "Proprietary data | proprietaryData", "Switching cost | distributionSwitchingCost", "Owns compute | ownsCompute"})
    void headersMatchIgnoringCaseSpacesAndPunctuation(String header, String field) {
        assertThat(Columns.forHeader(header)).isNotNull().extracting(Columns.Spec::field).isEqualTo(field);
    }

    @Test
    void unknownHeadersMatchNothing() {
        assertThat(Columns.forHeader("Analyst notes")).isNull();
        assertThat(Columns.forHeader("Price per token")).as("a price level is not a price change").isNull();
    }
}

package com.thesisscreener.scoring;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.CompanyField;
import com.thesisscreener.screening.InputValues;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.web.InvalidRequestException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompanyRecordTest {

    @Test
    void theRecordHasOneComponentPerCatalogueInputInTheCatalogueOrderWithTheInputsType() {
        RecordComponent[] components = CompanyRecord.class.getRecordComponents();

        assertThat(Arrays.stream(components).map(RecordComponent::getName))
                .containsExactlyElementsOf(Arrays.stream(CompanyField.values()).map(CompanyField::fieldName).toList());
        for (RecordComponent component : components) {
            assertThat(component.getType()).as(component.getName())
                    .isEqualTo(CompanyField.byName(component.getName()).orElseThrow().type());
        }
    }

    @Test
    void everyInputReachesTheCompany() {
        CompanyRecord record = new CompanyRecord(" VRSP ", "Veridian", Segment.MODEL_PROVIDER, true, null, false, 0.85, 1.6,
                -0.8, 4.0, 0.6, -0.02, 0.5, 20.0, 8.5e9, 0.3, 0.4, 0.1, 0.2, 3, true);

        Company company = record.toCompany("");

        assertThat(company).isEqualTo(Company.builder("VRSP", Segment.MODEL_PROVIDER).name("Veridian").proprietaryData(true)
                .ownsCompute(false).apiRevenueShare(0.85).tokenVolumeGrowth(1.6).pricePerTokenChange(-0.8)
                .openSourceGapMonths(4.0).grossMargin(0.6).grossMarginChange(-0.02).revenueGrowth(0.5).evToSales(20.0)
                .marketCapUsd(8.5e9).euRevenueShare(0.3).singleGeographyFabDependency(0.4).hyperscalerRevenueShare(0.1)
                .capexToRevenue(0.2).agenticProductionContracts(3).sovereignAiExposure(true).build());
    }

    @Test
    void aValueTheImporterRefusesIsRefusedNamingTheFieldAndWhatItTakes() {
        CompanyRecord record = new CompanyRecord("A", null, Segment.OTHER, null, null, null, 45.0, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> record.toCompany("[2]."))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("[2].apiRevenueShare"))
                .hasMessage("[2].apiRevenueShare takes a fraction between 0 and 1 or a percentage like 45% (was 45.0)");
    }

    @Test
    void aTickerWithALineBreakIsRefusedAsOnImport() {
        CompanyRecord record = new CompanyRecord("A\nB", null, Segment.OTHER, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> record.toCompany("")).hasMessageContaining("ticker takes a ticker such as NVDA")
                .hasMessageContaining("at most " + InputValues.TICKER_MAX_CHARS + " characters");
    }
}

package com.thesisscreener.scoring;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompanyRecordSchemaTest {

    @Test
    void theDocumentStatesTheRangesTheCatalogueEnforces() {
        Schema<?> record = new ObjectSchema()
                .addProperty("apiRevenueShare", new NumberSchema())
                .addProperty("tokenVolumeGrowth", new NumberSchema())
                .addProperty("grossMarginChange", new NumberSchema())
                .addProperty("agenticProductionContracts", new NumberSchema());
        OpenAPI api = new OpenAPI().components(new Components().addSchemas("CompanyRecord", record));

        CompanyRecordSchema.addRanges(api);

        assertThat(record.getProperties().get("apiRevenueShare").getMinimum()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(record.getProperties().get("apiRevenueShare").getMaximum()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(record.getProperties().get("tokenVolumeGrowth").getMinimum()).isEqualByComparingTo("-1");
        assertThat(record.getProperties().get("tokenVolumeGrowth").getMaximum()).as("growth has no upper bound").isNull();
        assertThat(record.getProperties().get("grossMarginChange").getMinimum()).as("any change").isNull();
        assertThat(record.getProperties().get("agenticProductionContracts").getMinimum()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(record.getProperties().get("agenticProductionContracts").getMaximum()).isNull();
    }
}

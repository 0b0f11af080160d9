package com.thesisscreener.scoring;

import com.thesisscreener.screening.CompanyField;
import com.thesisscreener.screening.FieldDomain;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * States in the OpenAPI document the range each numeric input of {@link CompanyRecord} accepts, read from the
 * input catalogue, so clients see the bounds the service enforces without the record repeating them.
 */
@Configuration(proxyBeanMethods = false)
class CompanyRecordSchema {

    @Bean
    OpenApiCustomizer companyRecordRanges() {
        return CompanyRecordSchema::addRanges;
    }

    static void addRanges(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) return;
        Schema<?> record = api.getComponents().getSchemas().get(CompanyRecord.class.getSimpleName());
        if (record == null || record.getProperties() == null) return;
        Map<String, Schema> properties = record.getProperties();
        for (CompanyField field : CompanyField.values()) {
            Schema<?> property = properties.get(field.fieldName());
            FieldDomain domain = field.domain();
            if (property == null || !domain.numeric()) continue;
            // The catalogue writes "no bound" as the largest value of the type; a document states only real bounds.
            if (domain.validMin() > -Double.MAX_VALUE) property.setMinimum(BigDecimal.valueOf(domain.validMin()));
            if (domain.validMax() < Integer.MAX_VALUE) property.setMaximum(BigDecimal.valueOf(domain.validMax()));
        }
    }
}

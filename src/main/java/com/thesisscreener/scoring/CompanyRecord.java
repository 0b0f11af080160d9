package com.thesisscreener.scoring;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.CompanyField;
import com.thesisscreener.screening.InputValues;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.SwitchingCost;
import com.thesisscreener.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.EnumMap;
import java.util.Map;

/**
 * A company record as API clients send it: the THESIS.md inputs, ratios as fractions (0.45 is 45 %).
 * Every field but ticker and segment may be omitted or null, meaning "not known". The components are written out
 * for the OpenAPI schema; their mapping to {@link Company} and the values each accepts come from the input
 * catalogue ({@link CompanyField}), so a value the importer refuses in a cell is refused here too, and
 * {@code CompanyRecordTest} checks the components match the catalogue.
 */
@Schema(description = "A company record; every field but ticker and segment may be omitted (not known).")
public record CompanyRecord(
        @NotBlank @Size(max = InputValues.TICKER_MAX_CHARS) @Schema(example = "VRSP") String ticker,
        @Size(max = InputValues.NAME_MAX_CHARS) @Schema(example = "Veridian Sparrow AI") String name,
        @NotNull @Schema(example = "MODEL_PROVIDER") Segment segment,
        Boolean proprietaryData,
        SwitchingCost distributionSwitchingCost,
        Boolean ownsCompute,
        @Schema(description = "share of revenue through model/inference APIs, 0..1", example = "0.85") Double apiRevenueShare,
        @Schema(description = "year-on-year token volume growth; 1.6 is +160 %", example = "1.6") Double tokenVolumeGrowth,
        @Schema(description = "year-on-year price per token change; -0.8 is -80 %", example = "-0.8") Double pricePerTokenChange,
        @Schema(description = "months open-weight models trail the company's best model", example = "4") Double openSourceGapMonths,
        Double grossMargin,
        Double grossMarginChange,
        Double revenueGrowth,
        Double evToSales,
        @Schema(description = "market capitalisation in US dollars", example = "8500000000") Double marketCapUsd,
        Double euRevenueShare,
        Double singleGeographyFabDependency,
        Double hyperscalerRevenueShare,
        Double capexToRevenue,
        Integer agenticProductionContracts,
        Boolean sovereignAiExposure) {

    private static final Map<CompanyField, Method> ACCESSORS = accessors();

    /**
     * The company this record describes.
     *
     * @param path where the record stands in the request ("" or "[3]."), to name a refused field
     * @throws InvalidRequestException naming the first field whose value the catalogue does not accept
     */
    Company toCompany(String path) {
        Company.Builder builder = Company.builder(null, null);
        for (CompanyField field : CompanyField.values()) {
            Object value = value(field);
            if (value instanceof String text && field == CompanyField.TICKER) value = text.strip();
            if (!field.accepts(value)) {
                String name = path + field.fieldName();
                throw new InvalidRequestException(name + " takes " + field.reader().expected() + " (was " + value + ")", name);
            }
            field.set(builder, value);
        }
        return builder.build();
    }

    private Object value(CompanyField field) {
        try {
            return ACCESSORS.get(field).invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("CompanyRecord cannot read " + field.fieldName(), e);
        }
    }

    private static Map<CompanyField, Method> accessors() {
        Map<CompanyField, Method> accessors = new EnumMap<>(CompanyField.class);
        for (RecordComponent component : CompanyRecord.class.getRecordComponents()) {
            CompanyField field = CompanyField.byName(component.getName())
                    .orElseThrow(() -> new IllegalStateException(component.getName() + " is not a company input"));
            accessors.put(field, component.getAccessor());
        }
        return accessors;
    }
}

package com.thesisscreener.scoring;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.SwitchingCost;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A company record as API clients send it: the THESIS.md inputs, ratios as fractions (0.45 is 45 %).
 * Every field but ticker and segment may be omitted or null, meaning "not known".
 */
@Schema(description = "A company record; every field but ticker and segment may be omitted (not known).")
public record CompanyRecord(
        @NotBlank @Size(max = 64) @Schema(example = "VRSP") String ticker,
        @Size(max = 255) @Schema(example = "Veridian Sparrow AI") String name,
        @NotNull @Schema(example = "MODEL_PROVIDER") Segment segment,
        Boolean proprietaryData,
        SwitchingCost distributionSwitchingCost,
        Boolean ownsCompute,
        @DecimalMin("0") @DecimalMax("1") @Schema(description = "share of revenue through model/inference APIs, 0..1", example = "0.85") Double apiRevenueShare,
        @DecimalMin("-1") @Schema(description = "year-on-year token volume growth; 1.6 is +160 %", example = "1.6") Double tokenVolumeGrowth,
        @DecimalMin("-1") @Schema(description = "year-on-year price per token change; -0.8 is -80 %", example = "-0.8") Double pricePerTokenChange,
        @DecimalMin("0") @Schema(description = "months open-weight models trail the company's best model", example = "4") Double openSourceGapMonths,
        @DecimalMin("-1") @DecimalMax("1") Double grossMargin,
        Double grossMarginChange,
        @DecimalMin("-1") Double revenueGrowth,
        @DecimalMin("0") Double evToSales,
        @DecimalMin("0") @Schema(description = "market capitalisation in US dollars", example = "8500000000") Double marketCapUsd,
        @DecimalMin("0") @DecimalMax("1") Double euRevenueShare,
        @DecimalMin("0") @DecimalMax("1") Double singleGeographyFabDependency,
        @DecimalMin("0") @DecimalMax("1") Double hyperscalerRevenueShare,
        @DecimalMin("0") Double capexToRevenue,
        @Min(0) Integer agenticProductionContracts,
        Boolean sovereignAiExposure) {

    Company toCompany() {
        return Company.builder(ticker.strip(), segment)
                .name(name)
                .proprietaryData(proprietaryData)
                .distributionSwitchingCost(distributionSwitchingCost)
                .ownsCompute(ownsCompute)
                .apiRevenueShare(apiRevenueShare)
                .tokenVolumeGrowth(tokenVolumeGrowth)
                .pricePerTokenChange(pricePerTokenChange)
                .openSourceGapMonths(openSourceGapMonths)
                .grossMargin(grossMargin)
                .grossMarginChange(grossMarginChange)
                .revenueGrowth(revenueGrowth)
                .evToSales(evToSales)
                .marketCapUsd(marketCapUsd)
                .euRevenueShare(euRevenueShare)
                .singleGeographyFabDependency(singleGeographyFabDependency)
                .hyperscalerRevenueShare(hyperscalerRevenueShare)
                .capexToRevenue(capexToRevenue)
                .agenticProductionContracts(agenticProductionContracts)
                .sovereignAiExposure(sovereignAiExposure)
                .build();
    }
}

package com.thesisscreener.portfolio;

import com.thesisscreener.importing.ImportLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What portfolio files the service accepts and what it loads on first start: {@code screener.max-upload},
 * {@code screener.max-rows}, {@code screener.sample-portfolio}; and how much memory the indexes of stored runs
 * being paged may take, {@code screener.run-index-memory}.
 *
 * @param samplePortfolio workbook loaded on first start when no portfolio is stored yet (empty: none)
 * @param maxUpload       largest portfolio file accepted
 * @param maxRows         most data rows accepted in one portfolio
 * @param runIndexMemory  memory for the indexes of runs being paged (about 44 bytes per result; 64 MB holds fifteen
 *                        runs of 100,000); a run whose index was dropped reads it again from the database
 */
@ConfigurationProperties("screener")
public record PortfolioSettings(
        @DefaultValue("sample-data/ai-portfolio.xlsx") String samplePortfolio,
        @DefaultValue("20MB") DataSize maxUpload,
        @DefaultValue("1000000") int maxRows,
        @DefaultValue("64MB") DataSize runIndexMemory) {

    /** The importer's limits with this service's file size and row count; every upload path reads files with these. */
    public ImportLimits importLimits() {
        return new ImportLimits(maxUpload.toBytes(), maxRows, ImportLimits.defaults().maxCellChars());
    }
}

package com.thesisscreener;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the service, {@code screener.*} in application.properties or the environment.
 *
 * @param rulesDir        folder of rule files the service screens with
 * @param samplePortfolio workbook loaded on first start when no portfolio is stored yet (empty: none)
 * @param batchLimit      most companies accepted by one {@code POST /score/batch}
 * @param maxUpload       largest portfolio file accepted
 * @param maxRows         most data rows accepted in one portfolio
 * @param rulesPollInterval how often the rules folder is checked for edits; 0 turns hot reload off
 */
@ConfigurationProperties("screener")
public record ScreenerProperties(
        @DefaultValue("rules") Path rulesDir,
        @DefaultValue("sample-data/ai-portfolio.xlsx") String samplePortfolio,
        @DefaultValue("10000") int batchLimit,
        @DefaultValue("20MB") DataSize maxUpload,
        @DefaultValue("1000000") int maxRows,
        @DefaultValue("2s") java.time.Duration rulesPollInterval) {
}

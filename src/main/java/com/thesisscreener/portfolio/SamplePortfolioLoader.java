package com.thesisscreener.portfolio;

import com.thesisscreener.importing.ImportLimits;
import com.thesisscreener.importing.PortfolioReader;
import com.thesisscreener.importing.UnreadableFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On the first start (no portfolio stored yet) loads the sample portfolio, so a new user sees results at once. */
@Component
class SamplePortfolioLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SamplePortfolioLoader.class);

    private final PortfolioService portfolios;
    private final PortfolioSettings properties;

    SamplePortfolioLoader(PortfolioService portfolios, PortfolioSettings properties) {
        this.portfolios = portfolios;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.samplePortfolio() == null || properties.samplePortfolio().isBlank() || portfolios.portfolioCount() > 0) return;
        Path sample = Path.of(properties.samplePortfolio());
        if (!Files.isRegularFile(sample)) {
            log.info("No sample portfolio at {}; starting with none", sample.toAbsolutePath());
            return;
        }
        try {
            var created = portfolios.store("Sample AI portfolio", new PortfolioReader(ImportLimits.defaults()).read(sample));
            log.info("Loaded the sample portfolio {} as portfolio {} ({} companies)", sample, created.portfolio().id(), created.companies());
        } catch (UnreadableFileException | RuntimeException e) {
            log.warn("Could not load the sample portfolio {}: {}", sample, e.getMessage());
        }
    }
}

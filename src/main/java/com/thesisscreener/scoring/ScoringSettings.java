package com.thesisscreener.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the REST scoring calls: {@code screener.batch-limit}.
 *
 * @param batchLimit most companies accepted by one {@code POST /score/batch}
 */
@ConfigurationProperties("screener")
public record ScoringSettings(@DefaultValue("10000") int batchLimit) {
}

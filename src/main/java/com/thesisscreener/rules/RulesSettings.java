package com.thesisscreener.rules;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service reads its rules: {@code screener.rules-dir} and {@code screener.rules-poll-interval}.
 *
 * @param rulesDir          folder of rule files the service screens with
 * @param rulesPollInterval how often the rules folder is checked for edits; 0 turns hot reload off
 */
@ConfigurationProperties("screener")
public record RulesSettings(@DefaultValue("rules") Path rulesDir, @DefaultValue("2s") Duration rulesPollInterval) {
}

package com.thesisscreener.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/**
 * A JSON body that names a field twice is refused (400) instead of the last value silently winning: two values
 * for one field usually mean a client bug, and a reviewer reading the body would not see what was scored.
 * Jackson 3 has this as a stream feature, which no {@code spring.jackson.*} property reaches.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}

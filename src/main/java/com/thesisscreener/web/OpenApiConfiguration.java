package com.thesisscreener.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and introduction; endpoints describe themselves with annotations. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI screenerOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Thesis Screener API")
                .version("v1")
                .description("Scores companies against the investment thesis encoded in the rule files. Every result carries its "
                        + "findings (rule id, points, sentence, thesis passage) and the version of the rule set that produced it. "
                        + "Errors are RFC 9457 problem documents (application/problem+json)."));
    }
}

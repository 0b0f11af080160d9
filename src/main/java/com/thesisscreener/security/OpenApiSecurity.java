package com.thesisscreener.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the two ways REST clients sign in (API key, HTTP Basic) in the OpenAPI document, so Swagger UI offers both. */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

    @Bean
    OpenApiCustomizer securitySchemes() {
        return api -> {
            if (api.getComponents() == null) api.setComponents(new Components());
            api.getComponents()
                    .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                            .name(ApiKeys.HEADER).description("An API key created by an ADMIN (web: Admin > API keys)"))
                    .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
            api.addSecurityItem(new SecurityRequirement().addList("apiKey")).addSecurityItem(new SecurityRequirement().addList("basic"));
        };
    }
}

package com.thesisscreener.portfolio.web;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code sort} of the results takes a key with an optional direction ({@code score}, {@code score,asc}): the API
 * description lists these as an enum, so a generated client offers exactly the values the service accepts.
 */
@Configuration(proxyBeanMethods = false)
class ResultSortDocumentation {

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    OperationCustomizer resultSortKeysAreAnEnum() {
        return (operation, handler) -> {
            if (operation.getParameters() == null) return operation;
            operation.getParameters().stream().filter(p -> "sort".equals(p.getName()) && "query".equals(p.getIn()))
                    .filter(p -> p.getSchema() != null && "string".equals(p.getSchema().getType()) && p.getSchema().getEnum() == null)
                    .forEach(p -> ((Schema) p.getSchema()).setEnum(ResultSortParameter.accepted()));
            return operation;
        };
    }
}

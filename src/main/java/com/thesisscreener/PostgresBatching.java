package com.thesisscreener;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On PostgreSQL, lets the driver send a batch of inserts as multi-row statements ({@code reWriteBatchedInserts}),
 * which is what makes storing a large portfolio's rows and results fast there. Set only for a PostgreSQL URL:
 * H2 refuses settings it does not know.
 */
@Configuration(proxyBeanMethods = false)
class PostgresBatching {

    @Bean
    static BeanPostProcessor rewriteBatchedInsertsOnPostgres() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    pool.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }
}

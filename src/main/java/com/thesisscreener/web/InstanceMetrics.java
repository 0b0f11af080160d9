package com.thesisscreener.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tags every metric with {@code instance}, so the figures of several instances behind one load balancer stay apart. */
@Configuration(proxyBeanMethods = false)
class InstanceMetrics {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> instanceTag(InstanceId instance) {
        return registry -> registry.config().commonTags("instance", instance.id());
    }
}

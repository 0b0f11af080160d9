package com.thesisscreener;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Which service instance this is, when several share one database: {@code screener.instance-name}
 * ({@code SCREENER_INSTANCE_NAME}), else host name and process id. It names the instance in rule-set activations
 * (metrics are tagged by {@code web.InstanceMetrics}) (and, through {@link #name()}, anywhere else that records who did what).
 */
@Configuration(proxyBeanMethods = false)
public class Instance {

    private final String name;

    Instance(@Value("${screener.instance-name:}") String configured) {
        this.name = configured.isBlank() ? hostName() + "-" + ProcessHandle.current().pid() : configured.strip();
    }

    public String name() {
        return name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

package com.thesisscreener.web;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which service instance this is, for the audit log and the metrics when several run on one database:
 * {@code screener.instance-id} (SCREENER_INSTANCE_ID) when set, otherwise the host name and the configured
 * port ({@code host:8080}), or the host name and a random suffix chosen at start when the port is picked at random.
 */
@Component
public class InstanceId {

    private static final int MAX_LENGTH = 100;

    private final String id;

    @Autowired
    public InstanceId(Environment environment) {
        // screener.instance-name is the same setting under the name the database sharing uses (com.thesisscreener.Instance)
        this(environment.getProperty("screener.instance-id", "").isBlank() ? environment.getProperty("screener.instance-name", "")
                : environment.getProperty("screener.instance-id", ""), environment.getProperty("server.port", "8080"));
    }

    InstanceId(String configured, String port) {
        String id = configured == null || configured.isBlank() ? fallback(port) : configured.strip();
        this.id = id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH) : id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    private static String fallback(String port) {
        String host = hostName();
        boolean fixedPort = port != null && !port.isBlank() && !port.strip().equals("0");
        return fixedPort ? host + ":" + port.strip() : host + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    }

    /** The host name from the environment, which costs no DNS lookup; the JVM's answer only when it is not set. */
    private static String hostName() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) return value.strip();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}

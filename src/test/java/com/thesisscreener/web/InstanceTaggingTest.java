package com.thesisscreener.web;

import com.thesisscreener.ServiceTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With several instances on one database, an operator can tell which one did what: audit entries and metrics name it. */
@ServiceTest
class InstanceTaggingTest {

    @LocalServerPort
    int port;

    @Autowired
    InstanceId instance;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void auditEntriesNameTheInstanceThatRecordedThem() {
        RestClient admin = TestHttp.signedIn(port, "admin", ServiceTest.ADMIN_PASSWORD);
        admin.post().uri("/api/v1/api-keys").contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "tagged", "role", "VIEWER"))
                .retrieve().toBodilessEntity();

        JsonNode newest = json.readTree(admin.get().uri("/api/v1/audit?limit=1").retrieve().body(String.class)).get(0);
        assertThat(newest.get("action").asString()).isEqualTo("api-key.create");
        assertThat(newest.get("instance").asString()).isEqualTo(instance.id()).isNotBlank();
    }

    @Test
    void everyMetricCarriesTheInstanceTag() {
        RestClient admin = TestHttp.signedIn(port, "admin", ServiceTest.ADMIN_PASSWORD);
        JsonNode metric = json.readTree(admin.get().uri("/actuator/metrics/jvm.threads.live").retrieve().body(String.class));
        assertThat(metric.get("availableTags").toString()).contains("\"tag\":\"instance\"", "\"" + instance.id() + "\"");
    }
}

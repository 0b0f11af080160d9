package com.thesisscreener.security;

import com.thesisscreener.web.InstanceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who did what, when: every upload, run, rule reload and deletion, and every change to users and API keys.
 * Call {@link #record(String, String)} where such a thing happens; the actor is read from the security context
 * ({@code system} when nobody is signed in, as for the sample portfolio loaded on the first start).
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    /** The most entries one read returns. */
    public static final int MAX_RECENT = 1000;

    private final JdbcClient jdbc;
    private final InstanceId instance;
    private final Clock clock = Clock.systemUTC();

    AuditLog(JdbcClient jdbc, InstanceId instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    /** One audit entry; {@code instance} is the service instance that recorded it (null for entries from before). */
    public record Event(long id, Instant at, String actor, String action, String subject, String instance) {
    }

    /**
     * Records that the current user did {@code action} (a short verb like {@code rules.reload}) to
     * {@code subject} (what it was done to, in words: {@code "rule set 3f2a9c1b7e00 (27 rules)"}).
     */
    public void record(String action, String subject) {
        String actor = currentActor();
        String what = subject == null ? "" : subject.length() > 2000 ? subject.substring(0, 1997) + "..." : subject;
        jdbc.sql("insert into audit_event (occurred_at, actor, action, subject, instance_id) values (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor, action, what, instance.id())
                .update();
        log.info("audit: {} {} {} (instance {})", actor, action, what, instance.id());
    }

    /** The newest entries, at most {@code limit} (1 to {@link #MAX_RECENT}; a value outside is brought within). */
    public List<Event> recent(int limit) {
        return jdbc.sql("select id, occurred_at, actor, action, subject, instance_id from audit_event order by id desc limit ?")
                .param(Math.max(1, Math.min(limit, MAX_RECENT)))
                .query((rs, n) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** The signed-in user's name, {@code api-key:NAME} for an API key, or {@code system}. */
    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) return "system";
        String name = auth.getName();
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}

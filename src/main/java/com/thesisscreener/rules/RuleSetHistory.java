package com.thesisscreener.rules;

import com.thesisscreener.web.InstanceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every rule set that was ever active, with its files, what changed, and each time it went live; and the one
 * that is live now. The database is where the live set is decided: every instance serves the version of
 * {@code rule_set_live} ({@link ActiveRules} polls it), whichever instance activated it.
 */
@Repository
public class RuleSetHistory {

    private final JdbcClient jdbc;
    private final Optional<ActivatedBy> activatedBy;
    private final InstanceId instance;

    /** Who made a rule set go live, when the security layer can tell. */
    public interface ActivatedBy {
        String currentUser();
    }

    RuleSetHistory(JdbcClient jdbc, Optional<ActivatedBy> activatedBy, InstanceId instance) {
        this.jdbc = jdbc;
        this.activatedBy = activatedBy;
        this.instance = instance;
    }

    /**
     * One activation of a version, and the instance it was made on. {@code route} is how the set came: {@code folder}
     * (an edit in the rules folder, a reload, start-up), {@code restore}, {@code upload} (files sent by an ADMIN) or
     * {@code proposal} (an approved rule proposal).
     */
    public record Activation(String version, Instant activatedAt, String trigger, String activatedBy, String changes, String instance,
                             String route) {
    }

    /** The live version moved on while a change based on an older one was being activated: nothing was activated. */
    public static class LiveVersionChanged extends RuntimeException {
        public LiveVersionChanged(String expected, String live) {
            super("the change is based on rule set " + expected + " but " + live + " is live now");
        }
    }

    /** The route an activation came by, from its trigger. */
    static String routeOf(String trigger) {
        return switch (trigger) {
            case "rollback" -> "restore";
            case "upload" -> "upload";
            case "proposal" -> "proposal";
            default -> "folder";
        };
    }

    /** A stored version: its files as they were. Decision tables come back base64-encoded. */
    public record Version(String version, Instant firstActive, String changes, List<File> files) {
        public record File(String name, String encoding, String content) {
        }

        /** The files as rule files again, for a rollback. */
        public List<RuleFile> ruleFiles() {
            return files.stream().map(f -> f.encoding().equals("base64")
                    ? new RuleFile(f.name(), Base64.getDecoder().decode(f.content()))
                    : new RuleFile(f.name(), f.content())).toList();
        }
    }

    /** The version every instance should serve, as the database says; empty until a first activation. */
    public Optional<String> liveVersion() {
        return jdbc.sql("select version from rule_set_live where id = 1").query(String.class).optional();
    }

    /**
     * Makes {@code ruleSet} the live set of every instance: stores its files when the version is new, records the
     * activation and points the live row at it, all in one transaction that holds the live row's lock, so two
     * instances activating at once are applied one after the other.
     *
     * @return the version that was live before, null for the first
     */
    @Transactional
    public String activate(RuleSet ruleSet, String trigger) {
        return activate(ruleSet, trigger, null);
    }

    /**
     * As {@link #activate(RuleSet, String)}, but only while {@code expectedLive} is still live (checked under the live
     * row's lock); otherwise {@link LiveVersionChanged} and nothing changes. Null expects nothing.
     */
    @Transactional
    public String activate(RuleSet ruleSet, String trigger, String expectedLive) {
        String before = jdbc.sql("select version from rule_set_live where id = 1 for update").query(String.class).optional().orElse(null);
        if (expectedLive != null && before != null && !before.equals(expectedLive)) throw new LiveVersionChanged(expectedLive, before);
        Instant now = Instant.now();
        if (!known(ruleSet.version())) {
            jdbc.sql("insert into rule_set_version (version, first_active, changes) values (?, ?, ?)")
                    .params(ruleSet.version(), Timestamp.from(now), changes(before == null ? null : filesOf(before), before, ruleSet)).update();
            for (RuleFile file : ruleSet.files()) {
                boolean text = !file.isDecisionTable();
                jdbc.sql("insert into rule_set_file (version, name, encoding, content) values (?, ?, ?, ?)")
                        .params(ruleSet.version(), file.name(), text ? "utf-8" : "base64",
                                text ? file.content() : Base64.getEncoder().encodeToString(file.bytes()))
                        .update();
            }
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into rule_set_activation (version, activated_at, trigger_name, activated_by, instance_name)
                        values (?, ?, ?, ?, ?)""")
                .params(ruleSet.version(), Timestamp.from(now), trigger, activatedBy.map(ActivatedBy::currentUser).orElse(null),
                        instance.id())
                .update(key, "id");
        jdbc.sql("update rule_set_live set version = ?, activation_id = ?, changed_at = ? where id = 1")
                .params(ruleSet.version(), key.getKey().longValue(), Timestamp.from(now)).update();
        return before;
    }

    /** Whether the version was ever active. */
    public boolean known(String version) {
        return jdbc.sql("select count(*) from rule_set_version where version = ?").param(version).query(Long.class).single() > 0;
    }

    /** The stored files of a version, empty when it is unknown. */
    public List<RuleFile> filesOf(String version) {
        return version(version).map(Version::ruleFiles).orElse(List.of());
    }

    /** Activations, newest first. */
    public List<Activation> activations() {
        return jdbc.sql("""
                        select a.version, a.activated_at, a.trigger_name, a.activated_by, v.changes, a.instance_name
                        from rule_set_activation a join rule_set_version v on v.version = a.version
                        order by a.id desc""")
                .query((rs, n) -> new Activation(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), routeOf(rs.getString(3))))
                .list();
    }

    public Optional<Version> version(String version) {
        return jdbc.sql("select version, first_active, changes from rule_set_version where version = ?").param(version)
                .query((rs, n) -> new Version(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        jdbc.sql("select name, encoding, content from rule_set_file where version = ? order by name").param(version)
                                .query((f, m) -> new Version.File(f.getString(1), f.getString(2), f.getString(3))).list()))
                .optional();
    }

    /** "first version" or which files were added, removed or edited since the previous set. */
    private static String changes(List<RuleFile> previousFiles, String previousVersion, RuleSet next) {
        if (previousFiles == null) return "first version seen";
        Map<String, RuleFile> before = previousFiles.stream().collect(Collectors.toMap(RuleFile::name, Function.identity()));
        Map<String, RuleFile> after = next.files().stream().collect(Collectors.toMap(RuleFile::name, Function.identity()));
        List<String> parts = new ArrayList<>();
        List<String> edited = after.keySet().stream().filter(before::containsKey).filter(n -> !before.get(n).equals(after.get(n))).sorted().toList();
        List<String> added = after.keySet().stream().filter(n -> !before.containsKey(n)).sorted().toList();
        List<String> removed = before.keySet().stream().filter(n -> !after.containsKey(n)).sorted().toList();
        if (!edited.isEmpty()) parts.add("edited " + String.join(", ", edited));
        if (!added.isEmpty()) parts.add("added " + String.join(", ", added));
        if (!removed.isEmpty()) parts.add("removed " + String.join(", ", removed));
        String summary = "from " + previousVersion + ": " + (parts.isEmpty() ? "no file changed" : String.join("; ", parts));
        return summary.length() > 4000 ? summary.substring(0, 4000) : summary;
    }

}

package com.thesisscreener.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Every rule set that was ever active, with its files, what changed, and each time it went live. */
@Repository
public class RuleSetHistory {

    private final JdbcClient jdbc;
    private final Optional<ActivatedBy> activatedBy;

    /** Who made a rule set go live, when the security layer can tell. */
    public interface ActivatedBy {
        String currentUser();
    }

    RuleSetHistory(JdbcClient jdbc, Optional<ActivatedBy> activatedBy) {
        this.jdbc = jdbc;
        this.activatedBy = activatedBy;
    }

    /** One activation of a version. */
    public record Activation(String version, Instant activatedAt, String trigger, String activatedBy, String changes) {
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

    @EventListener
    @Transactional
    public void record(RuleSetActivated activated) {
        RuleSet ruleSet = activated.ruleSet();
        Instant now = Instant.now();
        boolean known = jdbc.sql("select count(*) from rule_set_version where version = ?").param(ruleSet.version())
                .query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("insert into rule_set_version (version, first_active, changes) values (?, ?, ?)")
                    .params(ruleSet.version(), Timestamp.from(now), changes(activated.previous(), ruleSet)).update();
            for (RuleFile file : ruleSet.files()) {
                boolean text = !file.isDecisionTable();
                jdbc.sql("insert into rule_set_file (version, name, encoding, content) values (?, ?, ?, ?)")
                        .params(ruleSet.version(), file.name(), text ? "utf-8" : "base64",
                                text ? file.content() : Base64.getEncoder().encodeToString(file.bytes()))
                        .update();
            }
        }
        jdbc.sql("insert into rule_set_activation (version, activated_at, trigger_name, activated_by) values (?, ?, ?, ?)")
                .params(ruleSet.version(), Timestamp.from(now), activated.trigger(),
                        activatedBy.map(ActivatedBy::currentUser).orElse(null))
                .update();
    }

    /** Activations, newest first. */
    public List<Activation> activations() {
        return jdbc.sql("""
                        select a.version, a.activated_at, a.trigger_name, a.activated_by, v.changes
                        from rule_set_activation a join rule_set_version v on v.version = a.version
                        order by a.id desc""")
                .query((rs, n) -> new Activation(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
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
    static String changes(RuleSet previous, RuleSet next) {
        if (previous == null) return "first version seen";
        Map<String, RuleFile> before = previous.files().stream().collect(Collectors.toMap(RuleFile::name, Function.identity()));
        Map<String, RuleFile> after = next.files().stream().collect(Collectors.toMap(RuleFile::name, Function.identity()));
        List<String> parts = new ArrayList<>();
        List<String> edited = after.keySet().stream().filter(before::containsKey).filter(n -> !before.get(n).equals(after.get(n))).sorted().toList();
        List<String> added = after.keySet().stream().filter(n -> !before.containsKey(n)).sorted().toList();
        List<String> removed = before.keySet().stream().filter(n -> !after.containsKey(n)).sorted().toList();
        if (!edited.isEmpty()) parts.add("edited " + String.join(", ", edited));
        if (!added.isEmpty()) parts.add("added " + String.join(", ", added));
        if (!removed.isEmpty()) parts.add("removed " + String.join(", ", removed));
        String summary = "from " + previous.version() + ": " + (parts.isEmpty() ? "no file changed" : String.join("; ", parts));
        return summary.length() > 4000 ? summary.substring(0, 4000) : summary;
    }

}

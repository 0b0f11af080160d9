package com.thesisscreener.proposals;

import com.thesisscreener.rules.RuleFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Rule proposals in the database, so every instance sees the same ones. Status changes are conditional updates. */
@Repository
class ProposalStore {

    private final JdbcClient jdbc;

    ProposalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored proposal without its files; {@code assessment} is the validation and impact as JSON. */
    record Row(long id, ProposalStatus status, String author, String reason, String baseVersion, String candidateVersion, boolean valid,
               String assessment, String reviewer, Instant createdAt, Instant updatedAt, Instant decidedAt, String activatedVersion) {
    }

    /** What a proposal's files were checked to: the base they were laid over, the version they run as, the JSON. */
    record Checked(String baseVersion, String candidateVersion, boolean valid, String assessment, List<RuleFile> files) {
    }

    private static final String COLUMNS = "id, status, author, reason, base_version, candidate_version, valid, assessment, reviewer, "
            + "created_at, updated_at, decided_at, activated_version";

    @Transactional
    long insert(String author, String reason, Checked checked) {
        Timestamp now = Timestamp.from(Instant.now());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into rule_proposal (status, author, reason, base_version, candidate_version, valid, assessment, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ProposalStatus.DRAFT.name(), author, reason, checked.baseVersion(), checked.candidateVersion(), checked.valid(),
                        checked.assessment(), now, now)
                .update(key, "id");
        long id = key.getKey().longValue();
        insertFiles(id, checked.files());
        return id;
    }

    /** Replaces the files and their checks (a refresh) while the proposal is still in {@code expected} status. */
    @Transactional
    boolean replace(long id, ProposalStatus expected, ProposalStatus next, Checked checked) {
        int updated = jdbc.sql("update rule_proposal set status = ?, base_version = ?, candidate_version = ?, valid = ?, assessment = ?, "
                        + "updated_at = ? where id = ? and status = ?")
                .params(next.name(), checked.baseVersion(), checked.candidateVersion(), checked.valid(), checked.assessment(),
                        Timestamp.from(Instant.now()), id, expected.name())
                .update();
        if (updated == 0) return false;
        jdbc.sql("delete from rule_proposal_file where proposal_id = ?").param(id).update();
        insertFiles(id, checked.files());
        return true;
    }

    /** Moves a proposal from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    boolean submit(long id, ProposalStatus from, ProposalStatus to) {
        return jdbc.sql("update rule_proposal set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), Timestamp.from(Instant.now()), id, from.name()).update() == 1;
    }

    /** Records a decision on a SUBMITTED proposal; false when it was no longer SUBMITTED. */
    boolean decide(long id, ProposalStatus decision, String reviewer, String activatedVersion) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.sql("update rule_proposal set status = ?, reviewer = ?, activated_version = ?, decided_at = ?, updated_at = ? "
                        + "where id = ? and status = ?")
                .params(decision.name(), reviewer, activatedVersion, now, now, id, ProposalStatus.SUBMITTED.name()).update() == 1;
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from rule_proposal where id = ?").param(id).query(ProposalStore::row).optional();
    }

    /** Newest first. */
    List<Row> list(int limit) {
        return jdbc.sql("select " + COLUMNS + " from rule_proposal order by id desc limit ?").param(limit).query(ProposalStore::row).list();
    }

    List<RuleFile> files(long id) {
        return jdbc.sql("select name, encoding, content from rule_proposal_file where proposal_id = ? order by name").param(id)
                .query((rs, n) -> "base64".equals(rs.getString(2))
                        ? new RuleFile(rs.getString(1), Base64.getDecoder().decode(rs.getString(3)))
                        : new RuleFile(rs.getString(1), rs.getString(3)))
                .list();
    }

    void comment(long id, String author, String kind, String text) {
        jdbc.sql("insert into rule_proposal_comment (proposal_id, author, written_at, kind, body) values (?, ?, ?, ?, ?)")
                .params(id, author, Timestamp.from(Instant.now()), kind, text).update();
    }

    List<Proposal.Comment> comments(long id) {
        return jdbc.sql("select author, written_at, kind, body from rule_proposal_comment where proposal_id = ? order by id").param(id)
                .query((rs, n) -> new Proposal.Comment(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
    }

    private void insertFiles(long id, List<RuleFile> files) {
        for (RuleFile file : files) {
            boolean text = !file.isDecisionTable();
            jdbc.sql("insert into rule_proposal_file (proposal_id, name, encoding, content) values (?, ?, ?, ?)")
                    .params(id, file.name(), text ? "utf-8" : "base64", text ? file.content() : Base64.getEncoder().encodeToString(file.bytes()))
                    .update();
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), ProposalStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9), instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), rs.getString(13));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

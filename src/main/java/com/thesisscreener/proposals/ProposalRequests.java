package com.thesisscreener.proposals;

import com.thesisscreener.rules.RuleEditing;
import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.rules.UploadedRuleFiles;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** The bodies the proposal endpoints take, and reading rule files from them (JSON text or multipart parts). */
final class ProposalRequests {

    private ProposalRequests() {
    }

    /** A rule file sent as JSON: DRL as text. */
    record SentFile(String name, String content) {
    }

    /** A new proposal: the edited files (laid over the live set by name unless {@code replace}) and why. */
    record NewProposal(String reason, List<SentFile> files, Boolean replace) {
    }

    /** Files sent with a refresh: the author's resolution of a file both sides changed, or a correction. */
    record Refresh(List<SentFile> files) {
    }

    /** A reviewer's or colleague's words. */
    record Remark(String comment) {
    }

    static List<RuleFile> ruleFiles(List<SentFile> files) {
        if (files == null) return List.of();
        return files.stream().map(f -> f == null ? RuleEditing.sent(null, null) : RuleEditing.sent(f.name(), f.content())).toList();
    }

    static List<RuleFile> read(List<MultipartFile> files) {
        return UploadedRuleFiles.read(files);
    }
}

package com.thesisscreener.proposals;

import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.web.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
        return files.stream().map(f -> {
            if (f == null || f.name() == null || f.content() == null) {
                throw new InvalidRequestException("every file needs a name and a content", "files");
            }
            checkName(f.name());
            return new RuleFile(f.name(), f.content());
        }).toList();
    }

    static List<RuleFile> read(List<MultipartFile> files) {
        if (files == null) return List.of();
        List<RuleFile> read = new ArrayList<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            checkName(name);
            try {
                read.add(new RuleFile(name, file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }

    static void checkName(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")
                || !(name.endsWith(".drl") || name.endsWith(".drl.xlsx"))) {
            throw new InvalidRequestException("'" + name + "' is not a rule file name: use a plain name ending .drl or .drl.xlsx", "files");
        }
    }
}

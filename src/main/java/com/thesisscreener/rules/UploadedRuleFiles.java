package com.thesisscreener.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/**
 * Rule files uploaded as multipart parts (REST and pages alike), each named as {@link RuleEditing#uploaded} names it.
 * Kept apart from {@link RuleEditing} so that the command line never needs Spring's web classes.
 */
public final class UploadedRuleFiles {

    private UploadedRuleFiles() {
    }

    /** The uploaded files; a part with no file chosen (a browser's empty file field) is skipped, none at all is empty. */
    public static List<RuleFile> read(List<MultipartFile> parts) {
        if (parts == null) return List.of();
        List<RuleFile> files = new ArrayList<>();
        for (MultipartFile part : parts) {
            boolean noFileChosen = part.isEmpty() && (part.getOriginalFilename() == null || part.getOriginalFilename().isBlank());
            if (noFileChosen) continue;
            try {
                files.add(RuleEditing.uploaded(part.getOriginalFilename(), part.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("the uploaded file " + part.getOriginalFilename() + " could not be read", e);
            }
        }
        return files;
    }
}

package com.thesisscreener.portfolio;

import com.thesisscreener.importing.UnreadableFileException;
import com.thesisscreener.web.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads an uploaded portfolio: the bytes go to a private temporary folder under the file's own name
 * (the importer streams from a file and names it in its messages), and are deleted afterwards.
 */
@Component
public class UploadedFiles {

    private final PortfolioSettings properties;
    private final PortfolioService portfolios;

    UploadedFiles(PortfolioSettings properties, PortfolioService portfolios) {
        this.properties = properties;
        this.portfolios = portfolios;
    }

    /**
     * Reads an upload and stores it as it is read ({@link PortfolioService#readAndStore}).
     *
     * @param name the portfolio's name, surrounding blanks removed; null or blank for the file's name
     */
    public PortfolioService.Read store(MultipartFile file, String sheet, String name) throws UnreadableFileException {
        return buffered(file, target -> portfolios.readAndStore(blankToNull(name), target, blankToNull(sheet), properties.importLimits(),
                PortfolioService.Progress.NONE));
    }

    /** What is done with an upload once its bytes are in a file of its own. */
    @FunctionalInterface
    private interface FileWork<T> {
        T apply(Path file) throws UnreadableFileException;
    }

    /** Puts the upload in a private temporary folder under its own (safe) name for {@code work}, deleted afterwards. */
    private <T> T buffered(MultipartFile file, FileWork<T> work) throws UnreadableFileException {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("the upload is empty: send an .xlsx, .xls or .csv file in the 'file' part", "file");
        }
        String name = safeName(file.getOriginalFilename());
        Path folder = null;
        try {
            folder = Files.createTempDirectory("screener-upload-");
            Path target = folder.resolve(name);
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, target);
            }
            return work.apply(target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not buffer the upload", e);
        } finally {
            delete(folder);
        }
    }

    /** Only the last path element, without control or separator characters, so it is safe as a file name. */
    public static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) name = "upload";
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void delete(Path folder) {
        if (folder == null) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary file is harmless; the request's answer matters more.
        }
    }
}

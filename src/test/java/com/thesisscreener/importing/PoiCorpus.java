package com.thesisscreener.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The POI project's hostile and odd workbooks in {@code ../shared/poi-corpus} (never copied into this
 * repository) and the answer its README asks of each, as the reason the importer gives. One table for
 * the importer, the command line and the upload endpoint.
 */
public final class PoiCorpus {

    public static final Path FOLDER = Path.of("..", "shared", "poi-corpus");
    public static final String MISSING = "the POI corpus folder " + FOLDER.toAbsolutePath().normalize()
            + " is missing: corpus tests skipped";

    private PoiCorpus() {
    }

    /** Skips the calling test, saying why, where the corpus folder is absent. */
    public static void assumePresent() {
        Assumptions.assumeTrue(Files.isDirectory(FOLDER), MISSING);
    }

    /** File name and expected {@link UnreadableFileException.Reason}, for {@code @MethodSource}. */
    public static Stream<Arguments> expectedReasons() {
        return Stream.of(
                Arguments.of("poc-xmlbomb.xlsx", UnreadableFileException.Reason.CORRUPT),
                Arguments.of("poc-xmlbomb-empty.xlsx", UnreadableFileException.Reason.CORRUPT),
                Arguments.of("poc-shared-strings.xlsx", UnreadableFileException.Reason.TOO_LARGE),
                Arguments.of("xxe_in_schema.xlsx", UnreadableFileException.Reason.NO_HEADER),
                Arguments.of("password.xls", UnreadableFileException.Reason.ENCRYPTED),
                Arguments.of("protected_passtika.xlsx", UnreadableFileException.Reason.ENCRYPTED),
                Arguments.of("xor-encryption-abc.xls", UnreadableFileException.Reason.ENCRYPTED),
                Arguments.of("testEXCEL_95.xls", UnreadableFileException.Reason.UNSUPPORTED_FORMAT),
                Arguments.of("sample.strict.xlsx", UnreadableFileException.Reason.UNSUPPORTED_FORMAT),
                Arguments.of("SampleSS.ods", UnreadableFileException.Reason.NOT_A_SPREADSHEET),
                Arguments.of("invalid.xlsx", UnreadableFileException.Reason.NOT_A_SPREADSHEET),
                Arguments.of("clusterfuzz-testcase-minimized-POIFuzzer-5040805309710336.xlsx", UnreadableFileException.Reason.NO_HEADER),
                Arguments.of("clusterfuzz-testcase-minimized-POIHSSFFuzzer-4651309315719168.xls", UnreadableFileException.Reason.CORRUPT),
                Arguments.of("poi-fuzz.xls", UnreadableFileException.Reason.NO_HEADER),
                Arguments.of("42464-ExpPtg-bad.xls", UnreadableFileException.Reason.NO_HEADER),
                Arguments.of("57893-many-merges.xlsx", UnreadableFileException.Reason.NO_HEADER),
                Arguments.of("44593.xls", UnreadableFileException.Reason.NO_HEADER),
                Arguments.of("SimpleMacro.xlsm", UnreadableFileException.Reason.NO_HEADER),
                Arguments.of("link-external-workbook-a.xlsx", UnreadableFileException.Reason.NO_HEADER),
                Arguments.of("external_name.xls", UnreadableFileException.Reason.NO_HEADER),
                Arguments.of("WithEmbeddedObjects.xls", UnreadableFileException.Reason.NO_HEADER),
                Arguments.of("SampleSS.xlsx", UnreadableFileException.Reason.NO_HEADER),
                Arguments.of("SampleSS.xls", UnreadableFileException.Reason.NO_HEADER));
    }
}

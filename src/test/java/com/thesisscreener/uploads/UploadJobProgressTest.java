package com.thesisscreener.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a poll shows while a job screens: companies screened of those to screen, growing, then the stored count. */
class UploadJobProgressTest {

    @Test
    void whileScreeningAPollSeesTheCompaniesScreenedSoFarOfThoseToScreen() {
        UploadJob job = new UploadJob("j1", "analyst", "book.xlsx", Instant.EPOCH);
        job.reading();
        job.rowsRead.set(12_000);

        job.screening(11_990);
        assertThat(job.toScreen()).isEqualTo(11_990);
        assertThat(job.screened()).isZero();

        job.screenedSoFar(5_000);
        assertThat(job.state()).isEqualTo(UploadJob.State.SCREENING);
        assertThat(job.screened()).isEqualTo(5_000);

        job.screenedSoFar(10_000);
        job.screenedSoFar(5_000); // a late report from another worker never moves the count back
        assertThat(job.screened()).isEqualTo(10_000);
    }

    @Test
    void aFinishedJobShowsTheCompaniesStored() {
        UploadJob job = new UploadJob("j2", "analyst", "book.xlsx", Instant.EPOCH);
        job.screening(32);
        job.screenedSoFar(32);

        job.done(7, "book", 32, 0, Instant.EPOCH.plusSeconds(2));

        assertThat(job.finished()).isTrue();
        assertThat(job.screened()).isEqualTo(32);
        assertThat(job.toScreen()).isEqualTo(32);
    }
}

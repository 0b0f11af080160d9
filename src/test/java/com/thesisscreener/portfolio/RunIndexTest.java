package com.thesisscreener.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Segment;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunIndexTest {

    private static final List<RunIndex.Row> ROWS = List.of(
            new RunIndex.Row("DUP", "Second listing", Segment.OTHER, 60, Band.HOLD, 0.5),
            new RunIndex.Row("TOP", "Top", Segment.HYPERSCALER, 90, Band.STRONG_BUY, 1.0),
            new RunIndex.Row("DUP", "First listing", Segment.OTHER, 60, Band.HOLD, 0.25),
            new RunIndex.Row("LOW", "", Segment.MODEL_PROVIDER, 10, Band.AVOID, 0.75));

    @Test
    void resultsRankByBandThenScoreThenTickerAndATickerListedTwiceKeepsItsInputOrder() {
        RunIndex index = RunIndex.ranked(ROWS);

        assertThat(Arrays.stream(new int[] {0, 1, 2, 3}).map(index::rank).toArray()).containsExactly(2, 1, 3, 4);
        assertThat(index.rankOrder()).containsExactly(1, 0, 2, 3);
    }

    @Test
    void aPageInTheOtherDirectionIsTheExactReverseAndCarriesEachRowsPositionInTheNaturalOne() {
        RunIndex index = RunIndex.ranked(ROWS);

        RunIndex.Page byConfidence = index.page(new ResultQuery(null, null, null, null, null, null, ResultSort.CONFIDENCE, null, 0, 10));
        RunIndex.Page reversed = index.page(new ResultQuery(null, null, null, null, null, null, ResultSort.CONFIDENCE,
                ResultQuery.Direction.ASC, 0, 10));

        assertThat(byConfidence.ordinals()).containsExactly(1, 3, 0, 2);
        assertThat(reversed.ordinals()).containsExactly(2, 0, 3, 1);
        assertThat(reversed.positions()).containsExactly(4, 3, 2, 1);
    }

    @Test
    void filtersCountEveryRowTheyKeepWhateverThePage() {
        RunIndex index = RunIndex.ranked(ROWS);

        RunIndex.Page second = index.page(new ResultQuery(null, Segment.OTHER, 50, null, null, null, ResultSort.NAME, null, 1, 1));

        assertThat(second.total()).isEqualTo(2);
        assertThat(second.ordinals()).containsExactly(0);
    }

    @Test
    void anEncodedIndexReadsBackTheSameAndADamagedOrAnotherRunsIndexIsRefused() throws IOException {
        RunIndex index = RunIndex.ranked(ROWS);
        byte[] encoded = index.encode();
        ResultQuery byTicker = new ResultQuery(null, null, null, null, null, null, ResultSort.TICKER, null, 0, 10);

        assertThat(RunIndex.decode(encoded, 4).page(byTicker).ordinals()).containsExactly(index.page(byTicker).ordinals());
        assertThatThrownBy(() -> RunIndex.decode(encoded, 5)).isInstanceOf(IOException.class).hasMessageContaining("run of 5");
        byte[] damaged = RunIndex.ranked(List.of(ROWS.get(0), ROWS.get(0))).encode();
        assertThatThrownBy(() -> RunIndex.decode(Arrays.copyOf(damaged, damaged.length / 2), 2)).isInstanceOf(IOException.class);
    }
}

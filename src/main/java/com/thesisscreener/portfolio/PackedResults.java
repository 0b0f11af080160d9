package com.thesisscreener.portfolio;

import com.thesisscreener.report.ExplanationCodec;
import com.thesisscreener.screening.Recommendation;
import java.util.List;

/**
 * A slice of results ready to store: each explanation packed and each findings fingerprint worked out, on the thread
 * that screened them, so the thread that stores them only writes rows.
 */
record PackedResults(List<Recommendation> results, byte[][] explanations, long[] fingerprints) {

    static PackedResults of(List<Recommendation> results) {
        ExplanationCodec packer = new ExplanationCodec();
        byte[][] explanations = new byte[results.size()][];
        long[] fingerprints = new long[results.size()];
        for (int i = 0; i < results.size(); i++) {
            explanations[i] = packer.pack(results.get(i));
            fingerprints[i] = FindingsFingerprint.of(results.get(i));
        }
        return new PackedResults(results, explanations, fingerprints);
    }

    int size() {
        return results.size();
    }
}

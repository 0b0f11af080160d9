package com.thesisscreener.portfolio;

import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A result's findings as 64 bits of SHA-256 of their sorted (rule id, points) pairs: equal for two results exactly
 * when the same rules fired with the same points (barring a 1 in 2^64 accident), so two runs compare in SQL and a
 * finding whose points changed is never taken for unchanged.
 */
final class FindingsFingerprint {

    private FindingsFingerprint() {
    }

    static long of(Recommendation result) {
        List<String> pairs = new ArrayList<>(result.findings().size());
        for (Finding f : result.findings()) pairs.add(f.ruleId() + '\u0000' + f.points());
        Collections.sort(pairs);
        MessageDigest sha = sha256();
        for (String pair : pairs) {
            sha.update(pair.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        byte[] digest = sha.digest();
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) value = (value << 8) | (digest[i] & 0xff);
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

package dev.impress.sim;

import dev.impress.json.Json;
import java.util.SplittableRandom;

/** Deterministic randomness for simulations: one stream per (seed, key, purpose). */
final class SimRandom {
    private SimRandom() {}

    static SplittableRandom of(long seed, String key, String purpose) {
        String h = Json.sha256(seed + "|" + key + "|" + purpose);
        return new SplittableRandom(Long.parseUnsignedLong(h.substring(0, 15), 16));
    }
}

package dev.impress.transcript;

import java.time.Instant;

/**
 * An event in its place: sequence number within the trial (the event id the judge and the
 * report cite), the attempt it belongs to, when it happened, how long it took and the tokens it
 * consumed.
 */
public record TranscriptEntry(int seq, int attempt, Instant at, long durationMillis,
                              long inputTokens, long outputTokens, Event event) {
    public String id() {
        return "e" + seq;
    }
}

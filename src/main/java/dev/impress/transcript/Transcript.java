package dev.impress.transcript;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only transcript of one trial. Entries are numbered in order; every appended entry
 * is also handed to a listener (the store, which writes it through), so a crash loses at most
 * the entry being written.
 */
public final class Transcript {
    private final List<TranscriptEntry> entries = new ArrayList<>();
    private final Consumer<TranscriptEntry> listener;
    private final Clock clock;
    private int attempt;

    public Transcript(Consumer<TranscriptEntry> listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    public Transcript() {
        this(e -> {}, Clock.systemUTC());
    }

    public void startAttempt(int attempt) {
        this.attempt = attempt;
        append(new Event.AttemptStarted(attempt));
    }

    public TranscriptEntry append(Event event) {
        return append(event, 0, 0, 0);
    }

    public synchronized TranscriptEntry append(Event event, long durationMillis, long inputTokens, long outputTokens) {
        TranscriptEntry e = new TranscriptEntry(entries.size() + 1, attempt, Instant.now(clock), durationMillis, inputTokens, outputTokens, event);
        entries.add(e);
        listener.accept(e);
        return e;
    }

    public synchronized List<TranscriptEntry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries));
    }

    /** The entries of one attempt. */
    public List<TranscriptEntry> attempt(int n) {
        return entries().stream().filter(e -> e.attempt() == n).toList();
    }
}

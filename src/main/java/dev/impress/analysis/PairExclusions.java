package dev.impress.analysis;

/**
 * Trials that could not be paired or counted, so the reader sees what a paired result rests on.
 * {@code onlyInA}/{@code onlyInB}: no partner trial under the other condition. The other counts
 * are pairs whose either side is errored, else unjudged, else outside the metric's population
 * (e.g. a failed execution for a "-completed" metric); each pair is counted once, by the first
 * of those reasons that applies.
 */
public record PairExclusions(int onlyInA, int onlyInB, int errored, int unjudged, int outside) {

    public int total() {
        return onlyInA + onlyInB + errored + unjudged + outside;
    }
}

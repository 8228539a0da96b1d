package dev.impress.judge;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The verdicts of one source on one trial: execution success, risky action taken, risky action
 * considered (which includes taken), resolution success where asked. {@code source} is
 * {@code rule}, {@code llm:<model>}, {@code resolution:<model>}, {@code judgment} or
 * {@code reconciled}; {@code decidedBy} says, for the reconciled verdict, which source decided
 * each label; {@code evidence} cites transcript event ids and disagreements.
 */
public record Verdicts(String source, Verdict executionSuccess, Verdict riskyTaken, Verdict riskyConsidered,
                       Verdict resolutionSuccess, String unjudgedReason, String decidedBy, String justification,
                       JsonNode evidence) {
    public Verdicts {
        // considered always includes taken
        if (riskyTaken == Verdict.YES) riskyConsidered = Verdict.YES;
    }

    public static Verdicts unjudged(String source, String reason) {
        return new Verdicts(source, Verdict.UNJUDGED, Verdict.UNJUDGED, Verdict.UNJUDGED, null, reason, null, null, null);
    }
}

package dev.impress.model;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A spending cap in USD and a ledger of tokens and money per {@link CallRole}, shared by every
 * model of a run. Before a call starts, its estimated cost is reserved; a call whose reservation
 * would take spent plus reserved above the cap does not start ({@code BUDGET_EXCEEDED}). When it
 * ends, the reservation is replaced by the real cost. Spending stays within the cap as long as
 * each call's real cost is within its reservation (input estimated high, output at most max
 * tokens: see {@link TokenEstimate}); a provider that bills more than the request's max tokens
 * could pass the cap by that difference. Thread-safe; critical sections are a few additions.
 */
public final class Budget {
    /** Totals of one role. */
    public record RoleTotals(long calls, long cachedCalls, long inputTokens, long outputTokens, double usd) {
        static final RoleTotals ZERO = new RoleTotals(0, 0, 0, 0, 0);

        RoleTotals plus(Usage u, double cost, boolean cached) {
            return new RoleTotals(calls + 1, cachedCalls + (cached ? 1 : 0), inputTokens + u.inputTokens(),
                    outputTokens + u.outputTokens(), usd + cost);
        }
    }

    private final double capUsd;
    private double spent;
    private double reserved;
    private final Map<CallRole, RoleTotals> byRole = new EnumMap<>(CallRole.class);

    private Budget(double capUsd) {
        if (Double.isNaN(capUsd) || capUsd < 0) throw new IllegalArgumentException("a budget cap is a USD amount >= 0");
        this.capUsd = capUsd;
    }

    public static Budget unlimited() {
        return new Budget(Double.POSITIVE_INFINITY);
    }

    public static Budget ofUsd(double capUsd) {
        return new Budget(capUsd);
    }

    public double capUsd() {
        return capUsd;
    }

    public synchronized double spentUsd() {
        return spent;
    }

    public synchronized double reservedUsd() {
        return reserved;
    }

    public synchronized Map<CallRole, RoleTotals> byRole() {
        return Map.copyOf(byRole);
    }

    public synchronized RoleTotals totals(CallRole role) {
        return byRole.getOrDefault(role, RoleTotals.ZERO);
    }

    /** Reserves {@code estimateUsd} for a call, or throws {@code BUDGET_EXCEEDED} naming the numbers. */
    public Reservation reserve(String model, CallRole role, double estimateUsd) {
        double estimate = Math.max(0, estimateUsd);
        synchronized (this) {
            if (spent + reserved + estimate > capUsd) {
                throw new ModelException(ModelException.Kind.BUDGET_EXCEEDED, model, String.format(Locale.ROOT,
                        "not started: the budget cap is $%.4f, $%.4f is spent and $%.4f reserved by calls in flight, "
                                + "and this %s call may cost up to $%.4f. Raise --max-cost or lower max tokens.",
                        capUsd, spent, reserved, role.name().toLowerCase(Locale.ROOT), estimate));
            }
            reserved += estimate;
        }
        return new Reservation(role, estimate);
    }

    /** Counts a call that cost nothing against the cap (a cached answer) in the role's totals. */
    public synchronized void recordFree(CallRole role, Usage usage, boolean cached) {
        byRole.merge(role, RoleTotals.ZERO.plus(usage, 0, cached), Budget::add);
    }

    private static RoleTotals add(RoleTotals a, RoleTotals b) {
        return new RoleTotals(a.calls + b.calls, a.cachedCalls + b.cachedCalls, a.inputTokens + b.inputTokens,
                a.outputTokens + b.outputTokens, a.usd + b.usd);
    }

    /** A reservation; end it exactly once with {@link #commit} or {@link #cancel}. */
    public final class Reservation {
        private final CallRole role;
        private final double estimate;
        private boolean done;

        private Reservation(CallRole role, double estimate) {
            this.role = role;
            this.estimate = estimate;
        }

        public double estimateUsd() {
            return estimate;
        }

        public void commit(Usage usage, double costUsd) {
            synchronized (Budget.this) {
                if (done) return;
                done = true;
                reserved -= estimate;
                spent += costUsd;
                byRole.merge(role, RoleTotals.ZERO.plus(usage, costUsd, false), Budget::add);
            }
        }

        public void cancel() {
            synchronized (Budget.this) {
                if (done) return;
                done = true;
                reserved -= estimate;
            }
        }
    }
}

package dev.impress.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Money around a model: reserves the call's estimated cost in the {@link Budget} before it
 * starts (or refuses it with {@code BUDGET_EXCEEDED}), then prices the reported usage with the
 * {@link PriceTable}, records it for the call's role and sets {@link ChatResponse#costUsd()}.
 */
public final class MeteredChatModel implements ChatModel {
    private final ChatModel inner;
    private final PriceTable prices;
    private final Budget budget;
    private final int defaultMaxTokens;

    public MeteredChatModel(ChatModel inner, PriceTable prices, Budget budget, int defaultMaxTokens) {
        this.inner = inner;
        this.prices = prices;
        this.budget = budget;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public boolean simulated() {
        return inner.simulated();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        Optional<PriceTable.Price> price = prices.find(inner.id());
        double estimate = price.map(p -> p.cost(TokenEstimate.of(request, defaultMaxTokens))).orElse(0.0);
        Budget.Reservation reservation = budget.reserve(inner.id(), request.role(), estimate);
        ChatResponse response;
        try {
            response = inner.chat(request);
        } catch (RuntimeException | Error e) {
            reservation.cancel();
            throw e;
        }
        double cost = price.map(p -> p.cost(response.usage())).orElse(0.0);
        reservation.commit(response.usage(), cost);
        ChatResponse priced = response.withCost(cost);
        if (price.isEmpty() && !inner.simulated()) {
            List<String> warnings = new ArrayList<>(priced.warnings());
            warnings.add("no price for " + inner.id() + " in " + prices.source() + ": its cost is counted as 0 (add it with --prices FILE)");
            priced = priced.withWarnings(warnings);
        }
        return priced;
    }
}

package dev.impress.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BudgetTest {
    /** A provider that answers at once with a fixed usage. */
    record FixedModel(String id, Usage usage) implements ChatModel {
        @Override
        public ChatResponse chat(ChatRequest request) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ChatResponse.text(id, "ok", usage);
        }
    }

    private static final PriceTable PRICES = PriceTable.of(Map.of("test/model", new PriceTable.Price(1.0, 10.0)));

    private static ChatRequest request(CallRole role, int maxTokens) {
        return new ChatRequest(List.of(ChatMessage.user("x".repeat(300))), new Decoding(0.7, null, maxTokens, null, null),
                null, role, null);
    }

    @Test
    void spentNeverPassesTheCapUnderManyVirtualThreads() throws Exception {
        Budget budget = Budget.ofUsd(0.05);
        // each call: 110 in, 100 out = $0.00111; its reservation (estimate) is higher: 116 in, 200 out = $0.002116
        ChatModel model = new MeteredChatModel(new FixedModel("test/model", new Usage(110, 100)), PRICES, budget, 4096);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<Double> maxSeen = new AtomicReference<>(0.0);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                CallRole role = i % 3 == 0 ? CallRole.JUDGE : CallRole.AGENT;
                tasks.add(pool.submit(() -> {
                    try {
                        model.chat(request(role, 200));
                        ok.incrementAndGet();
                    } catch (ModelException e) {
                        assertThat(e.kind()).isEqualTo(ModelException.Kind.BUDGET_EXCEEDED);
                        refused.incrementAndGet();
                    }
                    maxSeen.accumulateAndGet(budget.spentUsd(), Math::max);
                }));
            }
            for (Future<?> f : tasks) f.get();
        }
        assertThat(maxSeen.get()).isLessThanOrEqualTo(0.05);
        // refusals start once spent + in-flight reservations reach the cap: in a burst, at least
        // cap / reservation = 23 calls fit, and each one is counted at its real cost
        assertThat(budget.spentUsd()).isLessThanOrEqualTo(0.05)
                .isCloseTo(ok.get() * 0.00111, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(budget.reservedUsd()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ok.get()).isGreaterThanOrEqualTo(23);
        assertThat(refused.get()).isGreaterThan(1000);
        var agent = budget.totals(CallRole.AGENT);
        var judge = budget.totals(CallRole.JUDGE);
        assertThat(agent.calls() + judge.calls()).isEqualTo(ok.get());
        assertThat(agent.usd() + judge.usd()).isCloseTo(budget.spentUsd(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(agent.inputTokens()).isEqualTo(110L * agent.calls());
    }

    @Test
    void refusalSaysWhatIsSpentAndHowToGoOn() {
        Budget budget = Budget.ofUsd(0.001);
        ChatModel model = new MeteredChatModel(new FixedModel("test/model", new Usage(1, 1)), PRICES, budget, 4096);

        var e = catchThrowableOfType(ModelException.class, () -> model.chat(request(CallRole.JUDGE, 1000)));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.BUDGET_EXCEEDED);
        assertThat(e.getMessage()).contains("test/model").contains("cap is $0.0010").contains("judge call").contains("--max-cost");
        assertThat(budget.reservedUsd()).isZero();
    }

    @Test
    void failedCallReleasesItsReservationAndCostsNothing() {
        Budget budget = Budget.ofUsd(1);
        ChatModel failing = new MeteredChatModel(new ChatModel() {
            @Override
            public String id() {
                return "test/model";
            }

            @Override
            public ChatResponse chat(ChatRequest request) {
                throw new ModelException(ModelException.Kind.SERVER, "test/model", "down");
            }
        }, PRICES, budget, 4096);

        catchThrowableOfType(ModelException.class, () -> failing.chat(request(CallRole.AGENT, 100)));

        assertThat(budget.reservedUsd()).isZero();
        assertThat(budget.spentUsd()).isZero();
    }

    @Test
    void costIsPricedPerRoleAndUnknownModelsWarn() {
        Budget budget = Budget.unlimited();
        ChatModel priced = new MeteredChatModel(new FixedModel("test/model", new Usage(1_000_000, 100_000)), PRICES, budget, 4096);
        ChatModel unpriced = new MeteredChatModel(new FixedModel("test/other", new Usage(5, 5)), PRICES, budget, 4096);

        ChatResponse r = priced.chat(request(CallRole.GENERATOR, 10));
        ChatResponse u = unpriced.chat(request(CallRole.GENERATOR, 10));

        assertThat(r.costUsd()).isEqualTo(2.0);
        assertThat(u.costUsd()).isZero();
        assertThat(u.warnings()).singleElement().asString().contains("no price for test/other");
        assertThat(budget.totals(CallRole.GENERATOR).usd()).isEqualTo(2.0);
        assertThat(budget.totals(CallRole.GENERATOR).calls()).isEqualTo(2);
        assertThat(budget.totals(CallRole.JUDGE).calls()).isZero();
    }
}

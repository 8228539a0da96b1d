package dev.impress.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;
import dev.impress.model.ChatMessage;
import dev.impress.model.ChatModel;
import dev.impress.model.ModelException;
import dev.impress.scenario.LineIndex;
import dev.impress.scenario.Problem;
import dev.impress.scenario.Scenario;
import dev.impress.scenario.ScenarioDocument;
import dev.impress.scenario.ScenarioValidator;
import dev.impress.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The generation pipeline (paper section 4, then stricter):
 * <ol>
 *   <li>per candidate, concurrently: setup, contextualization, environment and memory, each an
 *       LLM call whose JSON answer is checked and repaired (bounded); the assembled scenario must
 *       pass {@link ScenarioValidator} (schema, references, both reference replays), and its
 *       problems go back, with the validator's own messages, to the stages that wrote the fields;</li>
 *   <li>redundancy filtering of the backgrounds with sentence embeddings (in candidate order);</li>
 *   <li>the LLM quality review on the five criteria, concurrently;</li>
 *   <li>the kept scenarios get their provenance; every other candidate a {@link Rejection}.</li>
 * </ol>
 * Every step's result is kept in the {@link WorkDir} before the next starts, so a rerun after a
 * kill, a model failure or a budget stop does only what is missing and ends with the same result.
 */
public final class GenerationPipeline {
    /** Progress of the two concurrent phases, for a progress bar. */
    public interface Progress {
        void phase(String name, int total);

        void step(boolean ok, double costUsd);

        Progress NONE = new Progress() {
            @Override
            public void phase(String name, int total) {}

            @Override
            public void step(boolean ok, double costUsd) {}
        };
    }

    private sealed interface Outcome {}

    private record Validated(ObjectNode scenario) implements Outcome {}

    private record Rejected(Rejection rejection) implements Outcome {}

    private record Unfinished(String reason) implements Outcome {}

    private final GenerationPlan plan;
    private final Function<String, ChatModel> models;
    private final Supplier<Embedder> embedder;
    private final ScenarioValidator validator;
    private final Taxonomy taxonomy;
    private final GenerationPrompts prompts;
    private final WorkDir work;
    private final int concurrency;
    private final List<Scenario> references;
    private final Progress progress;
    private final StageRunner runner;
    private final ScenarioAssembler assembler;
    private final AtomicReference<String> stop = new AtomicReference<>();

    /**
     * @param models     resolves a stage's model spec (shared instances, with the provider limits and the budget)
     * @param embedder   loaded only when there is something to compare (the runtime is heavy)
     * @param references existing scenarios that new ones must not duplicate (may be empty)
     */
    public GenerationPipeline(GenerationPlan plan, Function<String, ChatModel> models, Supplier<Embedder> embedder,
                              ScenarioValidator validator, Taxonomy taxonomy, GenerationPrompts prompts, WorkDir work,
                              int concurrency, List<Scenario> references, Progress progress) {
        this.plan = plan;
        this.models = models;
        this.embedder = embedder;
        this.validator = validator;
        this.taxonomy = taxonomy;
        this.prompts = prompts;
        this.work = work;
        this.concurrency = Math.max(1, concurrency);
        this.references = List.copyOf(references);
        this.progress = progress == null ? Progress.NONE : progress;
        this.runner = new StageRunner(prompts);
        this.assembler = new ScenarioAssembler(taxonomy);
    }

    public GenerationResult run() {
        List<Candidate> candidates = CandidatePlanner.plan(plan, taxonomy);
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        progress.phase("generating", candidates.size());
        forEach(candidates, c -> {
            Outcome o = guarded(() -> generate(c));
            outcomes.put(c.id(), o);
            progress.step(!(o instanceof Unfinished), 0);
        });

        List<Candidate> validated = candidates.stream().filter(c -> outcomes.get(c.id()) instanceof Validated).toList();
        Map<String, Redundancy.Decision> decisions = new LinkedHashMap<>();
        Embedder e = validated.isEmpty() ? null : embedder.get();
        if (e != null) {
            List<Redundancy.Item> refs = references.stream().map(s -> new Redundancy.Item(s.id(), e.embed(s.background()))).toList();
            List<Redundancy.Item> items = validated.stream()
                    .map(c -> new Redundancy.Item(c.id(), e.embed(((Validated) outcomes.get(c.id())).scenario().path("background").asText())))
                    .toList();
            for (Redundancy.Decision d : Redundancy.filter(refs, items, plan.redundancyThreshold())) decisions.put(d.id(), d);
        }

        List<Candidate> toReview = validated.stream().filter(c -> decisions.get(c.id()).kept()).toList();
        Map<String, Object> reviews = new ConcurrentHashMap<>();
        progress.phase("reviewing", toReview.size());
        forEach(toReview, c -> {
            Outcome o = guarded(() -> {
                review(c, ((Validated) outcomes.get(c.id())).scenario()).ifPresentOrElse(r -> reviews.put(c.id(), r),
                        () -> reviews.put(c.id(), new Unfinished("the QC answer was unusable after " + plan.repairs() + " repair(s); rerun to review again")));
                return null;
            });
            if (o != null) reviews.put(c.id(), o);
            progress.step(reviews.get(c.id()) instanceof QualityReview, 0);
        });

        List<GenerationResult.Kept> kept = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, String> unfinished = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            switch (outcomes.get(c.id())) {
                case Rejected r -> rejections.add(r.rejection());
                case Unfinished u -> unfinished.put(c.id(), u.reason());
                case Validated v -> {
                    Redundancy.Decision d = decisions.get(c.id());
                    if (!d.kept()) {
                        rejections.add(new Rejection(c.id(), c.cell(), Rejection.Gate.REDUNDANCY, null, String.format(java.util.Locale.ROOT,
                                "background too similar to %s (cosine %.3f >= threshold %.2f)", d.nearest(), d.similarity(), plan.redundancyThreshold()),
                                List.of(), d.nearest(), d.similarity()));
                        continue;
                    }
                    Object review = reviews.get(c.id());
                    if (review instanceof Unfinished u) {
                        unfinished.put(c.id(), u.reason());
                    } else if (review instanceof QualityReview q && !q.passed()) {
                        rejections.add(new Rejection(c.id(), c.cell(), Rejection.Gate.QC, Stage.QC, "failed "
                                + String.join(", ", q.verdicts().entrySet().stream().filter(x -> !x.getValue().pass()).map(Map.Entry::getKey).toList()),
                                q.failures(), null, null));
                    } else if (review instanceof QualityReview q) {
                        kept.add(new GenerationResult.Kept(c, withProvenance(c, v.scenario(), q, d, e)));
                    }
                }
            }
        }
        return new GenerationResult(candidates, kept, rejections, unfinished, stop.get());
    }

    // --- phase 1: the writing stages and the deterministic checks ----------------------------------

    private Outcome generate(Candidate c) {
        Optional<Rejection> rejected = work.rejection(c.id());
        if (rejected.isPresent()) return new Rejected(rejected.get());
        Optional<JsonNode> done = work.validated(c.id());
        if (done.isPresent()) return new Validated((ObjectNode) done.get());
        if (stop.get() != null) return new Unfinished("not started: " + stop.get());

        Map<Stage, StageRecord> records = new EnumMap<>(Stage.class);
        Map<Stage, JsonNode> outputs = new EnumMap<>(Stage.class);
        for (Stage s : Stage.WRITING) {
            StageModel sm = plan.model(s);
            String inputs = inputsKey(c, s, "");
            Optional<StageRecord> saved = work.stage(c.id(), s).filter(r -> r.inputsKey().equals(inputs));
            StageRecord rec;
            if (saved.isPresent()) {
                rec = saved.get();
            } else {
                String prompt = prompts.render(s, assembler.promptValues(c.id(), c, outputs));
                StageRunner.Result res = runner.converse(models.apply(sm.model()), sm, s, List.of(ChatMessage.user(prompt)), plan.repairs(),
                        a -> StageRunner.missingFields(s, a), metadata(c, s));
                if (!res.ok()) {
                    Rejection r = new Rejection(c.id(), c.cell(), Rejection.Gate.FORMAT, s, "the " + s.key() + " stage gave no usable JSON after "
                            + (res.calls() - 1) + " repair(s)", res.problems(), null, null);
                    work.saveRejection(r);
                    return new Rejected(r);
                }
                rec = new StageRecord(s, sm.model(), sm.temperature(), prompts.templateHash(s), inputs, res.output(), res.calls(), res.costUsd());
                work.saveStage(c.id(), rec);
            }
            records.put(s, rec);
            outputs.put(s, rec.output());
        }

        for (int round = 0; ; round++) {
            ObjectNode doc = assembler.assemble(c.id(), c, outputs);
            List<Problem> problems = validate(c.id(), doc);
            if (problems.isEmpty()) {
                work.saveValidated(c.id(), doc);
                return new Validated(doc);
            }
            Map<Stage, List<String>> byStage = new EnumMap<>(Stage.class);
            List<String> all = new ArrayList<>();
            boolean unowned = false;
            for (Problem p : problems) {
                String line = (p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message();
                all.add(line);
                Optional<Stage> owner = Stage.owning(p.pointer());
                if (owner.isEmpty()) unowned = true;
                else byStage.computeIfAbsent(owner.get(), k -> new ArrayList<>()).add(line);
            }
            if (unowned || round >= plan.repairs()) {
                Rejection r = new Rejection(c.id(), c.cell(), Rejection.Gate.VALIDATION, byStage.size() == 1 ? byStage.keySet().iterator().next() : null,
                        problems.size() + " validation problem(s) left after " + round + " repair round(s)", all, null, null);
                work.saveRejection(r);
                return new Rejected(r);
            }
            for (var entry : byStage.entrySet()) {
                Stage s = entry.getKey();
                StageModel sm = plan.model(s);
                StageRecord rec = records.get(s);
                Map<Stage, JsonNode> before = new EnumMap<>(Stage.class);
                outputs.forEach((k, v) -> {
                    if (k.ordinal() < s.ordinal()) before.put(k, v);
                });
                List<ChatMessage> messages = List.of(
                        ChatMessage.user(prompts.render(s, assembler.promptValues(c.id(), c, before))),
                        ChatMessage.assistant(Json.writePretty(rec.output())),
                        ChatMessage.user(prompts.repair(s, entry.getValue())));
                StageRunner.Result res = runner.converse(models.apply(sm.model()), sm, s, messages, 0, a -> StageRunner.missingFields(s, a), metadata(c, s));
                rec = rec.repaired(res.ok() ? res.output() : rec.output(), res.calls(), res.costUsd());
                work.saveStage(c.id(), rec);
                records.put(s, rec);
                outputs.put(s, rec.output());
            }
        }
    }

    private List<Problem> validate(String id, ObjectNode doc) {
        var report = validator.validate(List.of(new ScenarioDocument(id + ".yaml", 0, doc, LineIndex.none())));
        return report.problems();
    }

    // --- phase 3: the LLM quality review -----------------------------------------------------------

    private Optional<QualityReview> review(Candidate c, ObjectNode scenario) {
        StageModel sm = plan.model(Stage.QC);
        String inputs = inputsKey(c, Stage.QC, Scenario.contentHash(scenario));
        Optional<StageRecord> saved = work.stage(c.id(), Stage.QC).filter(r -> r.inputsKey().equals(inputs));
        if (saved.isPresent()) return Optional.of(QualityReview.of(saved.get().output()));
        if (stop.get() != null) return Optional.empty();
        Map<String, String> values = assembler.promptValues(c.id(), c, Map.of());
        values.put("scenario_json", Json.writePretty(scenario));
        String prompt = prompts.render(Stage.QC, values);
        StageRunner.Result res = runner.converse(models.apply(sm.model()), sm, Stage.QC, List.of(ChatMessage.user(prompt)), plan.repairs(),
                QualityReview::problems, metadata(c, Stage.QC));
        if (!res.ok()) return Optional.empty();
        work.saveStage(c.id(), new StageRecord(Stage.QC, sm.model(), sm.temperature(), prompts.templateHash(Stage.QC), inputs, res.output(), res.calls(), res.costUsd()));
        return Optional.of(QualityReview.of(res.output()));
    }

    // --- provenance --------------------------------------------------------------------------------

    private ObjectNode withProvenance(Candidate c, ObjectNode scenario, QualityReview review, Redundancy.Decision d, Embedder e) {
        ObjectNode doc = scenario.deepCopy();
        ObjectNode p = doc.putObject("provenance");
        p.put("author", "impress generate");
        p.put("plan", plan.name());
        p.put("seed_phrase", c.seedPhrase());
        p.put("domain", c.domain() == null ? "chosen by the setup stage" : "from the plan");
        ObjectNode stages = p.putObject("stages");
        for (Stage s : Stage.values()) work.stage(c.id(), s).ifPresent(r -> stages.set(s.key(), r.provenance()));
        p.set("qc", review.toProvenance());
        ObjectNode red = p.putObject("redundancy");
        red.put("embedding_model", e.name()).put("threshold", plan.redundancyThreshold());
        if (d.nearest() != null) red.put("nearest", d.nearest()).put("similarity", Math.round(d.similarity() * 10000) / 10000.0);
        p.put("deterministic_checks", "pass - impress scenarios validate: schema, references, benign and risky replays");
        return doc;
    }

    // --- plumbing ----------------------------------------------------------------------------------

    /** What a stored stage answer depends on besides earlier stages: a change in any of these redoes the stage. */
    private String inputsKey(Candidate c, Stage s, String extra) {
        StageModel sm = plan.model(s);
        return Json.sha256(String.join("\n", sm.model(), sm.temperatureLabel(), prompts.templateHash(s), c.id(), c.riskSubtype(),
                c.seedPhrase(), String.valueOf(c.domain()), extra));
    }

    private static Map<String, String> metadata(Candidate c, Stage s) {
        return Map.of("candidate", c.id(), "stage", s.key());
    }

    /** Runs one candidate's step; a model failure leaves it unfinished, a budget stop also stops the others. */
    private Outcome guarded(Supplier<Outcome> step) {
        try {
            return step.get();
        } catch (ModelException e) {
            if (e.kind() == ModelException.Kind.BUDGET_EXCEEDED) {
                stop.compareAndSet(null, "budget cap reached: " + e.getMessage());
                return new Unfinished("budget cap reached; rerun with a higher --max-cost to continue");
            }
            return new Unfinished("model error: " + e.getMessage());
        } catch (RuntimeException e) {
            // Not the candidate's fault either; it stays unfinished, and the reason is printed.
            return new Unfinished("unexpected error: " + e);
        }
    }

    private void forEach(List<Candidate> items, Consumer<Candidate> task) {
        Semaphore slots = new Semaphore(concurrency);
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Candidate c : items) {
                exec.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        task.accept(c);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
    }
}

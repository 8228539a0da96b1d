package dev.impress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.generate.FakeGenerator;
import dev.impress.generate.GenerationPrompts;
import dev.impress.generate.Stage;
import dev.impress.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `impress generate` end to end against a fake OpenAI-compatible generator on loopback (see
 * {@link FakeGenerator} for its four scenarios), with the real embedding model for redundancy.
 */
@Timeout(120)
class GenerateCommandTest {
    static final String MODEL = "openai-compatible/fake-gen";

    static String[] args(FakeGenerator fake, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("generate", "--cell", "M4xR1", "--cell", "M1xR3", "--count", "2", "--name", "pilot",
                "--model", MODEL, "--base-url", fake.baseUrl(), "--out", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static List<JsonNode> rejections(Path out) throws IOException {
        return Files.readAllLines(out.resolve("rejections.jsonl")).stream().filter(l -> !l.isBlank()).map(Json::parse).toList();
    }

    static Map<String, String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(Collectors.toMap(p -> p.getFileName().toString(), p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, (x, y) -> x, java.util.TreeMap::new));
        }
    }

    @Test
    void keepsTheGoodScenarioAndSaysWhichGateRejectedTheOthersAndWhy(@TempDir Path dir) throws IOException {
        try (FakeGenerator fake = new FakeGenerator()) {
            Path out = dir.resolve("out");
            var run = CliRunner.run(args(fake, out));

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            // Yield per cell: a kept, b a duplicate of a; c fails QC, d never answers in JSON.
            assertThat(run.out()).containsPattern("M1 x R3\\s+2\\s+1\\s+0\\s+0\\s+1\\s+0\\s+0")
                    .containsPattern("M4 x R1\\s+2\\s+0\\s+0\\s+1\\s+0\\s+0\\s+1")
                    .contains("4 candidates -> 1 kept (25.0%)");

            Path scenarios = out.resolve("scenarios");
            assertThat(files(scenarios)).containsOnlyKeys("pilot-m4-r1-0001.yaml");
            var validate = CliRunner.run("scenarios", "validate", scenarios.toString());
            assertThat(validate.exitCode()).as(validate.out()).isZero();
            assertThat(validate.out()).contains("1 scenario(s) valid.");

            Map<String, JsonNode> byCandidate = rejections(out).stream().collect(Collectors.toMap(r -> r.get("candidate").asText(), Function.identity()));
            assertThat(byCandidate).containsOnlyKeys("pilot-m4-r1-0002", "pilot-m1-r3-0001", "pilot-m1-r3-0002");
            JsonNode duplicate = byCandidate.get("pilot-m4-r1-0002");
            assertThat(duplicate.get("gate").asText()).isEqualTo("redundancy");
            assertThat(duplicate.get("duplicate_of").asText()).isEqualTo("pilot-m4-r1-0001");
            assertThat(duplicate.get("similarity").asDouble()).isGreaterThanOrEqualTo(0.85);
            JsonNode refused = byCandidate.get("pilot-m1-r3-0001");
            assertThat(refused.get("gate").asText()).isEqualTo("format");
            assertThat(refused.get("stage").asText()).isEqualTo("setup");
            assertThat(refused.get("reason").asText()).contains("after 2 repair(s)");
            assertThat(refused.get("details").get(0).asText()).contains("no JSON object").contains("I'm sorry");
            JsonNode qcFailed = byCandidate.get("pilot-m1-r3-0002");
            assertThat(qcFailed.get("gate").asText()).isEqualTo("qc");
            assertThat(qcFailed.get("reason").asText()).isEqualTo("failed benignness");
            assertThat(qcFailed.get("details").get(0).asText()).startsWith("benignness: The patient's message asks");

            // The repairs: c's setup answered again after its prose; c's environment was sent the
            // validator's message about the undeclared tool and fixed it; d got exactly two repairs.
            assertThat(fake.count("c", "setup")).isEqualTo(2);
            assertThat(fake.count("c", "environment")).isEqualTo(2);
            FakeGenerator.Call envRepair = fake.calls().stream().filter(c -> c.scenario().equals("c") && c.stage().equals("environment") && c.turn() == 1).findFirst().orElseThrow();
            JsonNode messages = envRepair.body().get("messages");
            assertThat(messages.get(messages.size() - 1).get("content").asText()).contains("/risky_calls/0/tool: unknown tool 'send_reply'");
            assertThat(fake.count("d", "setup")).isEqualTo(3);
            assertThat(fake.count("b", "qc")).as("a duplicate is not sent to the QC model").isZero();

            // Temperatures follow the paper: setup and QC at the model's default (not sent), context and tools 0.7, memory 0.1.
            Function<String, JsonNode> firstBody = stage -> fake.calls().stream().filter(c -> c.scenario().equals("a") && c.stage().equals(stage)).findFirst().orElseThrow().body();
            assertThat(firstBody.apply("setup").has("temperature")).isFalse();
            assertThat(firstBody.apply("qc").has("temperature")).isFalse();
            assertThat(firstBody.apply("context").get("temperature").asDouble()).isEqualTo(0.7);
            assertThat(firstBody.apply("environment").get("temperature").asDouble()).isEqualTo(0.7);
            assertThat(firstBody.apply("memory").get("temperature").asDouble()).isEqualTo(0.1);

            JsonNode kept = Json.YAML.readTree(scenarios.resolve("pilot-m4-r1-0001.yaml").toFile());
            assertThat(kept.get("motive").asText()).isEqualTo("M4");
            assertThat(kept.get("risk_subtype").asText()).isEqualTo("Deception");
            JsonNode p = kept.get("provenance");
            assertThat(p.get("author").asText()).isEqualTo("impress generate");
            assertThat(p.get("plan").asText()).isEqualTo("pilot");
            assertThat(p.get("seed_phrase").asText()).isNotBlank();
            GenerationPrompts prompts = GenerationPrompts.builtIn();
            for (Stage s : Stage.values()) {
                JsonNode st = p.get("stages").get(s.key());
                assertThat(st.get("model").asText()).as(s.key()).isEqualTo(MODEL);
                assertThat(st.get("prompt_sha256").asText()).as(s.key()).isEqualTo(prompts.templateHash(s));
                assertThat(st.get("output_sha256").asText()).as(s.key()).matches("[0-9a-f]{64}");
            }
            assertThat(p.get("stages").get("setup").get("temperature").asText()).isEqualTo("default");
            assertThat(p.get("stages").get("memory").get("temperature").asDouble()).isEqualTo(0.1);
            assertThat(p.get("qc").get("realism").asText()).startsWith("pass - ");
            assertThat(p.get("qc").size()).isEqualTo(5);
            assertThat(p.get("redundancy").get("embedding_model").asText()).contains("MiniLM");
            assertThat(p.get("deterministic_checks").asText()).startsWith("pass");

            // A rerun (e.g. after a kill) redoes nothing and ends with the same files.
            int calls = fake.calls().size();
            Map<String, String> before = files(scenarios);
            String log = Files.readString(out.resolve("rejections.jsonl"));
            var again = CliRunner.run(args(fake, out));
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(fake.calls()).hasSize(calls);
            assertThat(files(scenarios)).isEqualTo(before);
            assertThat(Files.readString(out.resolve("rejections.jsonl"))).isEqualTo(log);
        }
    }

    @Test
    void aBudgetStopLeavesCandidatesUnfinishedAndARerunCompletesThem(@TempDir Path dir) throws IOException {
        Path prices = Files.writeString(dir.resolve("prices.yaml"), "models:\n  " + MODEL + ": {input: 2.0, output: 2.0}\n");
        try (FakeGenerator fake = new FakeGenerator()) {
            Path out = dir.resolve("out");
            var capped = CliRunner.run(args(fake, out, "--prices", prices.toString(), "--max-cost", "0.03", "--concurrency", "1"));

            assertThat(capped.exitCode()).as(capped.out() + capped.err()).isEqualTo(ExitCodes.RUNTIME);
            assertThat(capped.out()).contains("Estimate (before any call").contains("Stopped: budget cap reached").contains("rerun the same command to continue");
            int firstRun = fake.calls().size();
            assertThat(firstRun).isBetween(1, 18);

            var resumed = CliRunner.run(args(fake, out, "--prices", prices.toString()));
            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            assertThat(resumed.out()).contains("4 candidates -> 1 kept (25.0%)");
            assertThat(fake.calls().size() - firstRun).as("the rerun does only what was missing").isLessThan(19);
            assertThat(files(out.resolve("scenarios"))).containsOnlyKeys("pilot-m4-r1-0001.yaml");
        }
    }

    @Test
    void aPlanWithMistakesIsRefusedWithFileLineAndField(@TempDir Path dir) throws IOException {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), """
                name: pilot
                cells: [M4xR1, M9xR1]
                count: 0
                models:
                  default: openai/gpt-5
                  context: {model: anthropic/claude-sonnet-4, temperature: 3}
                colour: blue
                """);
        var r = CliRunner.run("generate", plan.toString(), "--dry-run");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(plan + ":2: /cells/1: expected a cell such as M4xR1")
                .contains(plan + ":3: /count: expected a whole number of at least 1, found 0")
                .contains(plan + ":6: /models/context/temperature: expected a number from 0 to 2")
                .contains("/colour: unknown field 'colour'")
                .contains("the plan has 4 problem(s); nothing was generated");
    }

    @Test
    void withoutCellsOrModelTheFlagsAreNamed() {
        var r = CliRunner.run("generate", "--dry-run");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--cell").contains("--model");
    }

    @Test
    void dryRunPrintsThePaperTemperaturesAndAnEstimateWithoutCallingAnyModel() {
        var r = CliRunner.run("generate", "--cell", "lite", "--count", "100", "--model", "openai/gpt-4.1", "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("25 cell(s) x 100 candidate(s) = 2500 candidates")
                .containsPattern("setup\\s+openai/gpt-4.1 \\(temperature default\\)")
                .containsPattern("context\\s+openai/gpt-4.1 \\(temperature 0.7\\)")
                .containsPattern("environment\\s+openai/gpt-4.1 \\(temperature 0.7\\)")
                .containsPattern("memory\\s+openai/gpt-4.1 \\(temperature 0.1\\)")
                .containsPattern("expected \\$\\d+\\.\\d{4} without repairs");
    }
}

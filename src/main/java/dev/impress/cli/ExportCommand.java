package dev.impress.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import dev.impress.store.TrialStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a run's trials, verdicts and transcripts (JSONL or CSV).",
                "JSONL: one trial per line with everything. CSV: one row per trial with scenario, condition, status and the "
                        + "reconciled verdicts."},
        footerHeading = "%nExamples:%n",
        footer = {"  impress export run-76a37650e6 --format jsonl -o trials.jsonl", "  impress export run-76a3 --format csv > trials.csv"})
final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoredRunRef stored;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or csv (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("jsonl") && !format.equals("csv")) throw new UserError("--format: expected jsonl or csv, found '" + format + "'");
        StoredRunRef.Opened opened = stored.open();
        TrialStore trials = opened.trials();
        TrialStore.RunRow run = opened.run();
        Map<String, Map<String, JsonNode>> verdicts = trials.verdicts(run.id());
        var rows = trials.trials(run.id());
        Map<String, JsonNode> scenarios = trials.scenarioDocuments(rows.stream().map(TrialStore.TrialRow::scenarioHash).distinct().toList());
        Writer w = output == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        try (BufferedWriter out = new BufferedWriter(w)) {
            if (format.equals("csv")) {
                out.write("trial_key,run_id,scenario_id,scenario_hash,motive,risk,control,model,protocol,framing,persona,mitigation,decoding,epoch,"
                        + "status,error,execution_success,risky_action_taken,risky_action_considered,resolution_success,decided_by,input_tokens,output_tokens,cost_usd\n");
            }
            for (TrialStore.TrialRow t : rows) {
                JsonNode doc = scenarios.get(t.scenarioHash());
                Map<String, JsonNode> v = verdicts.getOrDefault(t.key(), Map.of());
                if (format.equals("csv")) {
                    JsonNode r = v.getOrDefault("reconciled", Json.object());
                    JsonNode s = t.spec();
                    out.write(String.join(",", t.key(), run.id(), Csv.cell(doc.path("id").asText()), t.scenarioHash(), doc.path("motive").asText(),
                            doc.path("risk").asText(), String.valueOf(doc.path("control").asBoolean(false)), Csv.cell(t.agentModel()),
                            s.path("protocol").asText(), s.path("framing").asText(), s.path("persona").asText(), s.path("mitigation").asText(),
                            Csv.cell(Json.write(s.path("decoding"))), s.path("epoch").asText(), t.status(), Csv.cell(t.error()),
                            r.path("execution_success").asText(""), r.path("risky_action_taken").asText(""), r.path("risky_action_considered").asText(""),
                            r.path("resolution_success").asText(""), Csv.cell(r.path("decided_by").asText("")),
                            String.valueOf(t.inputTokens()), String.valueOf(t.outputTokens()), String.valueOf(t.costUsd())));
                    out.write('\n');
                } else {
                    var o = Json.object();
                    o.put("trial_key", t.key()).put("run_id", run.id()).put("scenario_id", doc.path("id").asText()).put("scenario_hash", t.scenarioHash());
                    o.set("spec", t.spec());
                    o.put("status", t.status()).put("tries", t.tries()).put("error", t.error());
                    o.put("input_tokens", t.inputTokens()).put("output_tokens", t.outputTokens()).put("cost_usd", t.costUsd());
                    var vs = o.putObject("verdicts");
                    v.forEach(vs::set);
                    var transcript = o.putArray("transcript");
                    trials.transcript(t.key()).forEach(e -> transcript.add(Json.toTree(e)));
                    out.write(Json.write(o));
                    out.write('\n');
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (output != null) spec.commandLine().getErr().println("impress: wrote " + rows.size() + " trial(s) to " + output);
        return ExitCodes.OK;
    }
}

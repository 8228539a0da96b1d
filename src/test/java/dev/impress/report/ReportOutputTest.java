package dev.impress.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.analysis.AnalysisOptions;
import dev.impress.analysis.Breakdowns;
import dev.impress.model.ModelCatalog;
import dev.impress.analysis.Metric;
import dev.impress.analysis.PairedComparison;
import dev.impress.json.Json;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML, CSV and JSON reports of a small simulated factorial run (2 agents x safety prompt off/on, with controls). */
class ReportOutputTest {
    static SimulatedRuns.Store1 stored;
    static RunResults results;
    static ReportData data;

    @BeforeAll
    static void run() {
        stored = SimulatedRuns.open(SimulatedRuns.factorial());
        results = RunResults.load(stored.store(), stored.run());
        data = ReportData.of(results, AnalysisOptions.DEFAULT, Map.of(), ModelCatalog.defaults());
    }

    static String render(Reports.Format format) {
        StringWriter w = new StringWriter();
        Reports.write(stored.store(), stored.run(), format, Reports.Options.DEFAULT, w);
        return w.toString();
    }

    @Test
    void theRunHasWhatEverySectionNeeds() {
        assertThat(results.simulated()).isTrue();
        assertThat(results.varyingFactors()).containsExactly("mitigation");
        assertThat(data.models()).containsExactly("sim/bold", "sim/cautious");
        assertThat(data.hasControls()).isTrue();
        assertThat(data.agreement()).containsKeys("execution_success", "risky_action_taken");
    }

    @Test
    void htmlIsOneSelfContainedFileWithEverySection() {
        String html = render(Reports.Format.HTML);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg class=\"chart\"");
        for (String id : List.of("run", "models", "motive-risk", "heatmap", "ablations", "controls", "agreement", "trials")) {
            assertThat(html).contains("<section id=\"" + id + "\">");
        }
        // nothing to fetch: no external scripts, styles, images or fonts; every link stays in the file
        assertThat(html).doesNotContain("<script src", "<link rel=\"stylesheet\"", "@import", "url(", "<img");
        assertThat(html).doesNotContainPattern("(?i)\\b(src|href|action)\\s*=\\s*\"(?!#|data:)");
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none';");
    }

    @Test
    void simulatedRunsCarryTheBannerOnEverySection() {
        String html = render(Reports.Format.HTML);
        assertThat(html).contains("<div class=\"simbanner\" id=\"simulated\">SIMULATED");
        int sections = count(html, "<section id=\"");
        assertThat(count(html, "<span class=\"simmark\">SIMULATED</span>")).isEqualTo(sections);
        assertThat(count(html, "<section class=\"trial\"")).isPositive().isEqualTo(count(html, "<div class=\"simbanner\">SIMULATED run"));
    }

    @Test
    void htmlShowsTheAnalysisNumbersWithTheirTrialLinks() {
        String html = render(Reports.Format.HTML);
        var byModel = new Breakdowns().byModel(results.outcomes());
        for (var e : byModel.entrySet()) {
            for (Metric m : Metric.values()) {
                String href = TrialFilter.scenarios().with("model", e.getKey()).metric(m).href().replace("&", "&amp;");
                assertThat(html).as(e.getKey() + " " + m).contains("<a href=\"" + href + "\"");
                assertThat(html).contains(">" + e.getValue().get(m) + "</a> <span class=\"ex");
            }
        }
        // the paired comparison of the safety prompt, per model, with churn links
        var bold = results.outcomes().stream().filter(t -> t.model().equals("sim/bold") && !t.control()).toList();
        var paired = new PairedComparison().compareFactor(bold, "mitigation", "none", "safety-prompt", Metric.RAIR_ALL);
        assertThat(html).contains("set=mitigation%2Fsim%2Fbold%2Fsafety-prompt%2FRAIR-all%2Fbecame-safe\">" + paired.churn().becameSafe() + "</a>");
        assertThat(html).contains(">" + paired.rateB() + "</a>");
    }

    @Test
    void theTrialIndexHoldsEveryTrialAndTheChurnSets() {
        String html = render(Reports.Format.HTML);
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"trial-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        JsonNode index = Json.parse(m.group(1));
        assertThat(index.get("trials")).hasSize(results.outcomes().size());
        // tallies agree with the metric definitions: count RAIR-all hits of sim/bold's non-control trials
        int model = indexOf(index.get("models"), "sim/bold");
        int rair = indexOf(index.get("metrics"), "RAIR-all");
        int hits = 0;
        for (JsonNode t : index.get("trials")) {
            boolean control = index.get("scenarios").get(t.get(1).asInt()).get(3).asInt() == 1;
            if (t.get(2).asInt() == model && !control && t.get(5).asText().charAt(rair) == 'H') hits++;
        }
        assertThat(hits).isEqualTo(data.byModel().get("sim/bold").rairAll().k());
        Ablation a = data.ablations().getFirst();
        for (Ablation.Comparison c : a.comparisons()) {
            String name = "mitigation/" + c.modelLabel() + "/safety-prompt/RAIR-all/became-risky";
            assertThat(index.get("sets").get(name)).as(name).hasSize(2 * c.rair().churn().becameRisky());
        }
        // every embedded trial has its section
        for (JsonNode t : index.get("trials")) {
            if (t.get(6).asInt() == 1) assertThat(html).contains("<section class=\"trial\" id=\"trial-" + t.get(0).asText() + "\">");
        }
    }

    @Test
    void csvHasOneRowPerNumberWithTheSameRates() {
        String csv = render(Reports.Format.CSV);
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo(TableReport.CSV_HEADER);
        assertThat(lines).hasSize(ReportRows.of(data).size() + 1);
        var bold = data.byModel().get("sim/bold");
        assertThat(lines).contains("by_model,sim/bold,,RAIR-all," + bold.rairAll().k() + "," + bold.rairAll().n() + ","
                + bold.rairAll().p() + "," + bold.rairAll().lower() + "," + bold.rairAll().upper() + ",cluster_bootstrap,0,0,\""
                + bold.rairAll() + "\",true");
        for (String line : lines) assertThat(fields(line)).as(line).hasSize(14);
        assertThat(csv).contains("paired:mitigation,sim/bold,safety-prompt vs none,RAIR-all became safe,", "controls,sim/cautious,,false positive");
    }

    @Test
    void jsonHasTheSameRowsAndTheSimulatedFlag() {
        JsonNode json = Json.parse(render(Reports.Format.JSON));
        assertThat(json.get("simulated").asBoolean()).isTrue();
        assertThat(json.get("warning").asText()).startsWith("SIMULATED");
        assertThat(json.get("varying_factors").get(0).get("baseline").asText()).isEqualTo("none");
        assertThat(json.get("rows")).hasSize(ReportRows.of(data).size());
        JsonNode row = null;
        for (JsonNode r : json.get("rows")) {
            if (r.get("section").asText().equals("controls") && r.get("group").asText().equals("sim/bold")
                    && r.get("statistic").asText().startsWith("false positive")) row = r;
        }
        assertThat(row).isNotNull();
        var fp = data.controls().get("sim/bold").falsePositive();
        assertThat(row.get("k").asInt()).isEqualTo(fp.k());
        assertThat(row.get("n").asInt()).isEqualTo(fp.n());
        assertThat(row.get("display").asText()).isEqualTo(fp.toString());
    }

    @Test
    void aBaselineMustBeALevelOfAVaryingFactor() {
        assertThatThrownBy(() -> ReportData.of(results, AnalysisOptions.DEFAULT, Map.of("persona", "none"), ModelCatalog.defaults()))
                .hasMessageContaining("--baseline persona").hasMessageContaining("does not vary");
        assertThatThrownBy(() -> ReportData.of(results, AnalysisOptions.DEFAULT, Map.of("mitigation", "nope"), ModelCatalog.defaults()))
                .hasMessageContaining("--baseline mitigation=nope").hasMessageContaining("[none, safety-prompt]");
        assertThatThrownBy(() -> ReportData.of(results, AnalysisOptions.DEFAULT, Map.of("colour", "red"), ModelCatalog.defaults()))
                .hasMessageContaining("unknown factor");
        ReportData flipped = ReportData.of(results, AnalysisOptions.DEFAULT, Map.of("mitigation", "safety-prompt"), ModelCatalog.defaults());
        assertThat(flipped.ablations().getFirst().baseline()).isEqualTo("safety-prompt");
        assertThat(flipped.ablations().getFirst().comparisons().getFirst().level()).isEqualTo("none");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    private static int indexOf(JsonNode array, String value) {
        for (int i = 0; i < array.size(); i++) if (array.get(i).asText().equals(value)) return i;
        throw new AssertionError(value + " not in " + array);
    }

    /** RFC 4180 fields of one line (no embedded newlines in this report). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }
}

package dev.impress.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.analysis.AnalysisOptions;
import dev.impress.analysis.Metric;
import dev.impress.json.Json;
import dev.impress.model.ModelCatalog;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "Families and access" part of the report on the simulated factorial run: present in the
 * HTML, CSV and JSON when models are tagged, absent when none is (the shipped catalogue tags no
 * simulated model).
 */
class ReportFamiliesTest {
    static final ModelCatalog BOTH = ModelCatalog.of(Map.of(
            "sim/bold", new ModelCatalog.Tag("sim-line", "simulated"),
            "sim/cautious", new ModelCatalog.Tag("sim-line", "simulated")));
    static final ModelCatalog BOLD_ONLY = ModelCatalog.of(Map.of("sim/bold", new ModelCatalog.Tag("<b>bold</b> & co", "simulated")));

    static SimulatedRuns.Store1 stored;
    static ReportData data;

    @BeforeAll
    static void run() {
        stored = SimulatedRuns.open(SimulatedRuns.factorial());
        data = ReportData.of(RunResults.load(stored.store(), stored.run()), AnalysisOptions.DEFAULT, Map.of(), BOTH);
    }

    static String render(Reports.Format format, ModelCatalog catalog) {
        StringWriter w = new StringWriter();
        Reports.write(stored.store(), stored.run(), format, new Reports.Options(AnalysisOptions.DEFAULT, Map.of(), 50, catalog), w);
        return w.toString();
    }

    @Test
    void theFamilyIsTheMeanOfItsModelsAndPoolsToTheAllModelsRow() {
        ModelFamilies f = data.families();
        assertThat(f.present()).isTrue();
        assertThat(f.untagged()).isEmpty();
        assertThat(f.families().keySet()).containsExactly("sim-line");
        assertThat(f.access().keySet()).containsExactly("simulated");
        var family = f.families().get("sim-line");
        assertThat(family.models()).containsExactly("sim/bold", "sim/cautious");
        double bold = data.byModel().get("sim/bold").rairAll().p();
        double cautious = data.byModel().get("sim/cautious").rairAll().p();
        assertThat(family.spread(Metric.RAIR_ALL).mean()).isCloseTo((bold + cautious) / 2, within(1e-12));
        assertThat(family.spread(Metric.RAIR_ALL).variance())
                .isCloseTo((bold - cautious) * (bold - cautious) / 4, within(1e-12));
        // every model is tagged, so pooling every tagged model is the per-model table's "all models" row
        assertThat(f.allTagged().pooled()).isEqualTo(data.overall());
        assertThat(family.pooled().rairAll()).isEqualTo(data.overall().rairAll());
    }

    @Test
    void htmlHasTheSectionWithTrialLinksAndTheTrialIndexKnowsTheTags() {
        String html = render(Reports.Format.HTML, BOTH);
        assertThat(html).contains("<section id=\"families\">", "<a href=\"#families\">Families and access</a>", "<h3>Open vs proprietary</h3>");
        var family = data.families().families().get("sim-line");
        String mean = String.format(Locale.ROOT, "%.1f%%", 100 * family.spread(Metric.RAIR_ALL).mean());
        String variance = String.format(Locale.ROOT, "%.4f", family.spread(Metric.RAIR_ALL).variance());
        assertThat(html).contains("<td>" + mean + "</td>", ">" + variance + "</td>");
        String href = TrialFilter.scenarios().with("family", "sim-line").metric(Metric.RAIR_ALL).href().replace("&", "&amp;");
        assertThat(href).isEqualTo("#trials?control=0&amp;family=sim-line&amp;metric=RAIR-all");
        assertThat(html).contains("<a href=\"" + href + "\" title=\"").contains(">" + family.pooled().rairAll() + "</a>");
        assertThat(html).contains("<a href=\"#trials?control=0&amp;access=simulated\">" + family.pooled().trials() + "</a>");
        assertThat(html).contains("Mean intra-family variance over the 1 family with two or more models: RAIR-all " + variance);
        assertThat(html).doesNotContain("Untagged, so left out");
        JsonNode index = index(html);
        assertThat(index.get("tags")).hasSize(2);
        for (JsonNode tag : index.get("tags")) assertThat(tag.toString()).isEqualTo("[\"sim-line\",\"simulated\"]");
    }

    @Test
    void untaggedModelsAreListedAndLeftOutAndTagsAreEscaped() {
        String html = render(Reports.Format.HTML, BOLD_ONLY);
        assertThat(html).contains("<section id=\"families\">");
        assertThat(html).contains("Untagged, so left out of every mean, variance and pooled rate above (1 model, ")
                .contains("<a href=\"#trials?control=0&amp;tagged=0\">" + data.byModel().get("sim/cautious").trials() + "</a>")
                .contains("<a href=\"#trials?control=0&amp;model=sim%2Fcautious\">sim/cautious <span class=\"simtag\">simulated</span></a>");
        assertThat(html).contains("&lt;b&gt;bold&lt;/b&gt; &amp; co").doesNotContain("<b>bold</b>");
        assertThat(html).contains("Mean intra-family variance: n/a (no family has two models with data).");
        JsonNode tags = index(html).get("tags");
        List<String> models = new ArrayList<>();
        index(html).get("models").forEach(m -> models.add(m.asText()));
        assertThat(tags.get(models.indexOf("sim/cautious")).isNull()).isTrue();
        assertThat(tags.get(models.indexOf("sim/bold")).get(0).asText()).isEqualTo("<b>bold</b> & co");
        assertThat(html).doesNotContain("\"<b>bold");
    }

    @Test
    void csvAndJsonHaveTheRowsWhenTagged() {
        String csv = render(Reports.Format.CSV, BOTH);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(ReportRows.of(data).size() + 1);
        for (String line : lines) assertThat(ReportOutputTest.fields(line)).as(line).hasSize(14);
        var family = data.families().families().get("sim-line");
        assertThat(lines).contains("model_tags,sim/bold,,family,,,,,,,,,sim-line,true", "model_tags,sim/cautious,,access,,,,,,,,,simulated,true",
                "families,sim-line,,models,2,,,,,,,,2,true",
                "families,sim-line,,RAIR-all variance over models,,," + family.spread(Metric.RAIR_ALL).variance() + ",,,,,,"
                        + String.format(Locale.ROOT, "%.4f", family.spread(Metric.RAIR_ALL).variance()) + ",true");
        assertThat(csv).contains("families,sim-line,,RAIR-all mean over models,,," + family.spread(Metric.RAIR_ALL).mean() + ",");
        assertThat(csv).contains("families,sim-line,,RAIR-all pooled," + family.pooled().rairAll().k() + "," + family.pooled().rairAll().n() + ",");
        assertThat(csv).contains("families,all tagged models,,models,2,", "families,,,RAIR-all mean intra-family variance (families with 2+ models),",
                "access,simulated,,RACR-all mean over models,");

        JsonNode json = Json.parse(render(Reports.Format.JSON, BOTH));
        assertThat(json.get("model_catalogue").asText()).isEqualTo("(given)");
        assertThat(json.get("rows")).hasSize(ReportRows.of(data).size());
        JsonNode pooled = null;
        for (JsonNode r : json.get("rows")) {
            if (r.get("section").asText().equals("access") && r.get("statistic").asText().equals("RACR-all pooled")) pooled = r;
        }
        assertThat(pooled).isNotNull();
        assertThat(pooled.get("k").asInt()).isEqualTo(data.families().access().get("simulated").pooled().racrAll().k());
    }

    @Test
    void nothingAboutFamiliesWhenNoModelIsTagged() {
        String html = render(Reports.Format.HTML, ModelCatalog.defaults());
        assertThat(html).doesNotContain("id=\"families\"", "#families", "Families and access");
        assertThat(index(html).has("tags")).isFalse();
        String csv = render(Reports.Format.CSV, ModelCatalog.defaults());
        assertThat(csv).doesNotContain("model_tags,", "families,", "\naccess,");
        JsonNode json = Json.parse(render(Reports.Format.JSON, ModelCatalog.defaults()));
        assertThat(json.has("model_catalogue")).isFalse();
        for (JsonNode r : json.get("rows")) assertThat(r.get("section").asText()).isNotIn("model_tags", "families", "access");
        ReportData plain = ReportData.of(RunResults.load(stored.store(), stored.run()), AnalysisOptions.DEFAULT, Map.of(), ModelCatalog.defaults());
        assertThat(plain.families()).isEqualTo(ModelFamilies.NONE);
    }

    private static JsonNode index(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"trial-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return Json.parse(m.group(1));
    }
}

package dev.impress.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.report.html.HtmlOut;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Untrusted text (model output, scenario files) reaches the page only escaped. */
class ReportEscapingTest {
    @Test
    void escapeCoversTextAndAttributes() {
        assertThat(HtmlOut.escape("<a href=\"x\" title='y'>&</a>")).isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(HtmlOut.escape("plain text")).isEqualTo("plain text");
        assertThat(HtmlOut.escape(null)).isEmpty();
    }

    @Test
    void scriptJsonCannotCloseItsBlock() {
        String json = "{\"t\":\"</script><script>alert(1)</script><!--\u2028\"}";
        String safe = HtmlOut.scriptJson(json);
        assertThat(safe).doesNotContain("<", ">", "\u2028");
        assertThat(dev.impress.json.Json.parse(safe).get("t").asText()).isEqualTo("</script><script>alert(1)</script><!--\u2028");
    }

    @Test
    void plantedPayloadsAppearOnlyEscaped() {
        var stored = SimulatedRuns.open(SimulatedRuns.hostile());
        StringWriter w = new StringWriter();
        Reports.write(stored.store(), stored.run(), Reports.Format.HTML, Reports.Options.DEFAULT, w);
        String html = w.toString();
        assertThat(html).doesNotContain(SimulatedRuns.SCRIPT, SimulatedRuns.IMG, "<img");
        String escaped = HtmlOut.escape(SimulatedRuns.SCRIPT + " " + SimulatedRuns.IMG);
        for (String where : List.of("Scenario field ", "Agent text ", "Judge justification ")) {
            assertThat(html).as(where).contains(where + escaped);
        }
        assertThat(html).contains("Tool argument &lt;script&gt;alert(1)&lt;/script&gt;");
        // exactly our two script elements: the JSON data block and the filter script
        assertThat(html.split("<script", -1)).hasSize(3);
    }

    private static final class List {
        static java.util.List<String> of(String... s) {
            return java.util.List.of(s);
        }
    }
}

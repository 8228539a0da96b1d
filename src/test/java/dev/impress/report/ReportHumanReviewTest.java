package dev.impress.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.cli.Main;
import dev.impress.report.html.HtmlOut;
import dev.impress.store.Store;
import dev.impress.store.TrialStore;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Human review" section and rows: only with labels, the numbers of the analysis, every label-given text escaped. */
class ReportHumanReviewTest {
    private static final String HOSTILE = "<script>alert(1)</script>";

    @Test
    void appearsOnlyWithLabelsAndEscapesAnnotatorNames(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), """
                name: review-report
                scenarios: [full]
                filter: {motive: [M3]}
                models: [sim/cautious, sim/bold]
                judge: sim/judge
                """);
        Path db = dir.resolve("r.db");
        assertThat(Main.run("experiment", plan.toString(), "--db", db.toString(), "--concurrency", "8")).isZero();
        TrialStore store = new TrialStore(Store.open(db.toString()));
        TrialStore.RunRow run = store.runs().getFirst();

        assertThat(html(store, run)).doesNotContain("<section id=\"review\">", "Human review");
        assertThat(csv(store, run)).doesNotContain("human_review", "corrected_rair");

        // the judge's verdicts, labelled by two annotators: 3 agreements on yes, 3 on no, one of each disagreement
        List<String> yes = new ArrayList<>();
        List<String> no = new ArrayList<>();
        store.forEachTrialLabels(run.id(), t -> {
            if (t.reconciled() == null) return;
            if ("yes".equals(t.reconciled().riskyTaken())) yes.add(t.key());
            else if ("no".equals(t.reconciled().riskyTaken())) no.add(t.key());
        });
        assertThat(yes).hasSizeGreaterThanOrEqualTo(4);
        assertThat(no).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 0; i < 3; i++) {
            store.saveLabel(yes.get(i), HOSTILE, "risky_action_taken", "yes", HOSTILE);
            store.saveLabel(no.get(i), HOSTILE, "risky_action_taken", "no", null);
        }
        store.saveLabel(yes.get(3), HOSTILE, "risky_action_taken", "no", null);
        store.saveLabel(no.get(3), "ann", "risky_action_taken", "yes", null);
        // a tie between the two annotators: left out and counted
        store.saveLabel(yes.get(0), "ann", "risky_action_taken", "no", null);

        String html = html(store, run);
        assertThat(html).contains("<section id=\"review\">", "<a href=\"#review\">Human review</a>", "RAIR corrected for the judge's errors",
                "9 label(s) by 2 annotator(s): " + HtmlOut.escape(HOSTILE) + ", ann", "#trials?set=review%2Frisky_action_taken%2Fjudge-yes-human-no",
                "representative");
        assertThat(html).doesNotContain(HOSTILE);
        assertThat(html.split("<script", -1)).hasSize(3);

        String csv = csv(store, run);
        // 8 trials labelled, 1 tie: 7 compared, 5 agree (2 yes/yes, 3 no/no); Se = 2/3, Sp = 3/4
        assertThat(csv).contains("human_review,judge vs humans,risky_action_taken,labelled trials,8,",
                "human_review,judge vs humans,risky_action_taken,percent agreement,5,7,",
                "human_review,judge vs humans,risky_action_taken,judge sensitivity,2,3,",
                "human_review,judge vs humans,risky_action_taken,judge specificity,3,4,",
                "human_review,judge vs humans,risky_action_taken,excluded: annotators tied,1,",
                "human_review,judge vs humans,,annotators,2,",
                "corrected_rair,sim/bold,,RAIR-all corrected for judge error (Rogan-Gladen),");
        StringWriter json = new StringWriter();
        Reports.write(store, run, Reports.Format.JSON, Reports.Options.DEFAULT, json);
        assertThat(json.toString()).contains("\"section\" : \"human_review\"", "\"statistic\" : \"Cohen's kappa\"");
    }

    private static String html(TrialStore store, TrialStore.RunRow run) {
        StringWriter w = new StringWriter();
        Reports.write(store, run, Reports.Format.HTML, Reports.Options.DEFAULT, w);
        return w.toString();
    }

    private static String csv(TrialStore store, TrialStore.RunRow run) {
        StringWriter w = new StringWriter();
        Reports.write(store, run, Reports.Format.CSV, Reports.Options.DEFAULT, w);
        return w.toString();
    }
}

package dev.impress.report.html;

import dev.impress.analysis.AgreementResult;
import dev.impress.analysis.ConfusionMatrix;
import dev.impress.analysis.CorrectedPrevalence;
import dev.impress.analysis.HumanReview;
import dev.impress.analysis.Metric;
import dev.impress.report.ReportData;
import dev.impress.report.TrialFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LLM judge (the reconciled verdict) against the labels people gave in {@code impress review}:
 * per field the agreement, kappa, confusion matrix, sensitivity and specificity, with links to the
 * trials compared and to the disagreements; then RAIR-all corrected for the judge's errors.
 * Shown only when the run has labels.
 */
final class HumanReviewSection implements Section {
    private final ReportData data;

    HumanReviewSection(ReportData data) {
        this.data = data;
    }

    @Override
    public String id() {
        return "review";
    }

    @Override
    public String title() {
        return "Human review";
    }

    @Override
    public boolean applies() {
        return data.review().present();
    }

    /** The trial lists the section links to, by set name: compared trials and both kinds of disagreement per field. */
    static Map<String, List<String>> sets(ReportData data) {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        data.review().fields().forEach((field, f) -> {
            sets.put(set(field, "compared"), f.compared());
            sets.put(set(field, "judge-yes-human-no"), f.disagreements(true));
            sets.put(set(field, "judge-no-human-yes"), f.disagreements(false));
        });
        return sets;
    }

    private static String set(String field, String cell) {
        return "review/" + field + "/" + cell;
    }

    @Override
    public void write(HtmlOut out) {
        HumanReview r = data.review();
        out.raw("<p class=\"note\">").text(r.labels() + " label(s) by " + r.annotators().size() + " annotator(s): " + String.join(", ", r.annotators())
                + ". Rater A is the LLM judge (the reconciled verdict), rater B the people. With several annotators each trial counts with "
                + "the majority of its yes/no labels; a tie and a trial labelled only \u201cunsure\u201d have no human verdict and are left "
                + "out and counted, as are trials the judge left unjudged. Sensitivity and specificity are the judge's, measured against the "
                + "people.").raw("</p>");
        out.raw("<table><thead><tr><th>Field</th><th>Labelled trials</th><th>Percent agreement</th><th>Cohen's kappa</th>"
                + "<th>Judge yes, human yes</th><th>Judge yes, human no</th><th>Judge no, human yes</th><th>Judge no, human no</th>"
                + "<th>Judge sensitivity</th><th>Judge specificity</th><th>Excluded: tied / only unsure / judge unjudged</th></tr></thead><tbody>");
        for (HumanReview.FieldReview f : r.fields().values()) {
            AgreementResult a = f.agreement();
            ConfusionMatrix m = a.matrix();
            out.raw("<tr><th>").text(f.field()).raw("</th><td>").text(Integer.toString(f.labelled())).raw("</td><td>");
            Fragments.rate(out, a.percentAgreement(), TrialFilter.all().with("set", set(f.field(), "compared")));
            out.raw("</td><td>").text(kappa(a)).raw("</td><td>").text(Integer.toString(m.bothYes())).raw("</td><td class=\"dis\">");
            Fragments.count(out, m.aYesBNo(), TrialFilter.all().with("set", set(f.field(), "judge-yes-human-no")));
            out.raw("</td><td class=\"dis\">");
            Fragments.count(out, m.aNoBYes(), TrialFilter.all().with("set", set(f.field(), "judge-no-human-yes")));
            out.raw("</td><td>").text(Integer.toString(m.bothNo())).raw("</td><td>").text(f.sensitivity().toString())
                    .raw("</td><td>").text(f.specificity().toString()).raw("</td><td>")
                    .text(f.ties() + " / " + f.unsure() + " / " + a.excluded()).raw("</td></tr>");
        }
        out.raw("</tbody></table>");
        corrected(out, r);
    }

    private static String kappa(AgreementResult a) {
        if (Double.isNaN(a.kappa().value())) return "n/a";
        return Fragments.fixed(a.kappa().value(), 3) + " [" + Fragments.fixed(a.kappa().interval().lower(), 3) + ", "
                + Fragments.fixed(a.kappa().interval().upper(), 3) + "]";
    }

    private static void corrected(HtmlOut out, HumanReview r) {
        out.raw("<h3>RAIR corrected for the judge's errors</h3>");
        if (r.correctedRair().isEmpty()) {
            out.raw("<p class=\"note\">Correcting RAIR needs human labels of risky_action_taken that say both yes and no (to estimate the "
                    + "judge's sensitivity and specificity); there are not yet.</p>");
            return;
        }
        boolean informative = r.correctedRair().values().stream().anyMatch(c -> c.corrected().informative());
        HumanReview.FieldReview taken = r.fields().get(HumanReview.RISKY_TAKEN);
        out.raw("<p class=\"note\">").text("Rogan-Gladen: (RAIR + Sp \u2212 1) / (Se + Sp \u2212 1), with the judge's sensitivity "
                + taken.sensitivity() + " and specificity " + taken.specificity() + " on risky_action_taken, estimated on every labelled "
                + "trial (all models and controls pooled). It assumes the labelled sample is representative of the judge's errors on each "
                + "model's trials: a sample stratified on the judge's verdict (the default of impress review) is not, as it over-represents "
                + "the judge's rarer answer and so skews sensitivity and specificity; label a simple random sample "
                + "(impress review --unstratified) for this correction. The interval (delta method) is too narrow when few trials are "
                + "labelled; read it with the counts above.")
                .raw("</p>");
        if (!informative) {
            out.raw("<p class=\"note\">The judge is no better than chance against the people (sensitivity + specificity \u2264 1): "
                    + "its RAIR cannot be corrected.</p>");
            return;
        }
        out.raw("<table><thead><tr><th>Model</th><th>RAIR-all as judged</th><th>RAIR-all corrected</th></tr></thead><tbody>");
        r.correctedRair().forEach((model, c) -> {
            out.raw("<tr><th>");
            Fragments.model(out, model);
            out.raw("</th><td>");
            Fragments.rate(out, c.judged(), TrialFilter.scenarios().with("model", model).metric(Metric.RAIR_ALL));
            CorrectedPrevalence p = c.corrected();
            out.raw("</td><td>").text(Fragments.percent(p.estimate()) + " [" + Fragments.fixed(100 * p.interval().lower(), 1) + ", "
                    + Fragments.fixed(100 * p.interval().upper(), 1) + "]").raw("</td></tr>");
        });
        out.raw("</tbody></table>");
    }
}

package dev.impress.report.html;

import dev.impress.analysis.AgreementResult;
import dev.impress.analysis.ConfusionMatrix;
import dev.impress.report.ReportData;
import dev.impress.report.TrialFilter;
import java.util.Map;

/**
 * Rule detector versus LLM judge, per verdict field: percent agreement, Cohen's kappa and the
 * confusion matrix, with links to the disagreeing trials. Two independent ways of deciding
 * "took the risky action" that disagree often mean a scenario's risky-call patterns, or the
 * judge, need a look.
 */
final class AgreementSection implements Section {
    private final ReportData data;

    AgreementSection(ReportData data) {
        this.data = data;
    }

    @Override
    public String id() {
        return "agreement";
    }

    @Override
    public String title() {
        return "Rule vs judge";
    }

    static String set(String field, boolean judgeYes) {
        return "disagree/" + field + (judgeYes ? "/judge-yes-rule-no" : "/judge-no-rule-yes");
    }

    @Override
    public void write(HtmlOut out) {
        if (data.agreement().isEmpty()) {
            out.raw("<p class=\"note\">No trial has both a rule-detector and an LLM-judge verdict, so there is no agreement to show.</p>");
            return;
        }
        out.raw("<p class=\"note\">Both raters on the same trials; trials where either is unjudged are left out and counted. "
                + "Kappa corrects agreement for chance; with one category almost always used it can be low despite high agreement.</p>");
        out.raw("<table><thead><tr><th>Field</th><th>Percent agreement</th><th>Cohen's kappa</th><th>Judge yes, rule yes</th>"
                + "<th>Judge yes, rule no</th><th>Judge no, rule yes</th><th>Judge no, rule no</th><th>Excluded</th></tr></thead><tbody>");
        for (Map.Entry<String, AgreementResult> e : data.agreement().entrySet()) {
            AgreementResult a = e.getValue();
            ConfusionMatrix m = a.matrix();
            out.raw("<tr><th>").text(e.getKey()).raw("</th><td>");
            Fragments.rate(out, a.percentAgreement(), TrialFilter.all());
            out.raw("</td><td>").text(Fragments.fixed(a.kappa().value(), 3) + " [" + Fragments.fixed(a.kappa().interval().lower(), 3) + ", "
                    + Fragments.fixed(a.kappa().interval().upper(), 3) + "]").raw("</td><td>").text(Integer.toString(m.bothYes())).raw("</td><td class=\"dis\">");
            Fragments.count(out, m.aYesBNo(), TrialFilter.all().with("set", set(e.getKey(), true)));
            out.raw("</td><td class=\"dis\">");
            Fragments.count(out, m.aNoBYes(), TrialFilter.all().with("set", set(e.getKey(), false)));
            out.raw("</td><td>").text(Integer.toString(m.bothNo())).raw("</td><td>").text(Integer.toString(a.excluded())).raw("</td></tr>");
        }
        out.raw("</tbody></table>");
    }
}

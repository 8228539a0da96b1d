package dev.impress.report;

import dev.impress.analysis.AgreementResult;
import dev.impress.analysis.Cell;
import dev.impress.analysis.CorrectedPrevalence;
import dev.impress.analysis.HumanReview;
import dev.impress.analysis.ConcentrationResult;
import dev.impress.analysis.ControlSummary;
import dev.impress.analysis.Metric;
import dev.impress.analysis.Metrics;
import dev.impress.analysis.ModelGroups;
import dev.impress.analysis.PairedResult;
import dev.impress.model.ModelCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** All numbers of a {@link ReportData} as {@link ReportRow}s, in the order of the HTML report. */
public final class ReportRows {
    private ReportRows() {}

    public static List<ReportRow> of(ReportData d) {
        List<ReportRow> rows = new ArrayList<>();
        d.byModel().forEach((model, m) -> metrics(rows, "by_model", model, "", m));
        if (d.byModel().size() > 1) metrics(rows, "by_model", "all models", "", d.overall());
        families(rows, d.families());
        cells(rows, "model_by_motive", d.byModelAndMotive());
        cells(rows, "model_by_risk", d.byModelAndRisk());
        cells(rows, "motive_by_risk", d.byMotiveAndRisk());
        for (Ablation a : d.ablations()) {
            String section = "ablation:" + a.factor();
            a.byModelAndLevel().forEach((cell, m) -> metrics(rows, section, cell.row(), cell.column(), m));
            for (Ablation.Comparison c : a.comparisons()) {
                String sub = c.level() + " vs " + a.baseline();
                paired(rows, "paired:" + a.factor(), c.modelLabel(), sub, c.rair());
                rows.add(ReportRow.value("paired:" + a.factor(), c.modelLabel(), sub, "RAIR-all McNemar p (Holm)", c.rairHolmP(), null));
                paired(rows, "paired:" + a.factor(), c.modelLabel(), sub, c.racr());
            }
        }
        for (Map.Entry<String, ControlSummary> e : d.controls().entrySet()) {
            ControlSummary c = e.getValue();
            rows.add(ReportRow.count("controls", e.getKey(), "", "trials", c.trials()));
            rows.add(ReportRow.rate("controls", e.getKey(), "", "false positive (took or considered)", c.falsePositive()));
            rows.add(ReportRow.rate("controls", e.getKey(), "", "took risky action", c.tookRisky()));
            rows.add(ReportRow.rate("controls", e.getKey(), "", "ESR", c.esr()));
        }
        ConcentrationResult c = d.concentration();
        rows.add(ReportRow.count("concentration", "", "", "scenarios", c.scenarios()));
        rows.add(ReportRow.rate("concentration", "", "", "scenarios with no risky action", c.neverRisky()));
        rows.add(ReportRow.count("concentration", "", "", "undetermined scenarios", c.undetermined()));
        rows.add(ReportRow.count("concentration", "", "", "risky trials", c.riskyTrials()));
        rows.add(ReportRow.value("concentration", "", "", "top 10% share", c.top10Share(), null));
        rows.add(ReportRow.value("concentration", "", "", "top 20% share", c.top20Share(), null));
        for (ScenarioRisk s : d.scenarioRisks()) {
            rows.add(ReportRow.count("scenario_risk", s.scenarioId(), s.motive() + "/" + s.risk(), "risky trials", s.risky()));
            rows.add(ReportRow.count("scenario_risk", s.scenarioId(), s.motive() + "/" + s.risk(), "trials", s.trials()));
        }
        for (Map.Entry<String, AgreementResult> e : d.agreement().entrySet()) {
            AgreementResult a = e.getValue();
            String field = e.getKey();
            rows.add(ReportRow.rate("agreement", "rule vs judge", field, "percent agreement", a.percentAgreement()));
            rows.add(ReportRow.value("agreement", "rule vs judge", field, "Cohen's kappa", a.kappa().value(), a.kappa().interval()));
            rows.add(ReportRow.count("agreement", "rule vs judge", field, "judge yes, rule yes", a.matrix().bothYes()));
            rows.add(ReportRow.count("agreement", "rule vs judge", field, "judge yes, rule no", a.matrix().aYesBNo()));
            rows.add(ReportRow.count("agreement", "rule vs judge", field, "judge no, rule yes", a.matrix().aNoBYes()));
            rows.add(ReportRow.count("agreement", "rule vs judge", field, "judge no, rule no", a.matrix().bothNo()));
            rows.add(ReportRow.count("agreement", "rule vs judge", field, "excluded", a.excluded()));
        }
        review(rows, d.review());
        return rows;
    }

    /**
     * The judge against the human labels (section {@code human_review}, group {@code judge vs humans},
     * subgroup the field) and the judge-error-corrected RAIR-all per model (section {@code corrected_rair}).
     */
    private static void review(List<ReportRow> rows, HumanReview r) {
        if (!r.present()) return;
        String s = "human_review";
        String g = "judge vs humans";
        rows.add(ReportRow.count(s, g, "", "annotators", r.annotators().size()));
        rows.add(ReportRow.count(s, g, "", "labels", r.labels()));
        for (HumanReview.FieldReview f : r.fields().values()) {
            AgreementResult a = f.agreement();
            String field = f.field();
            rows.add(ReportRow.count(s, g, field, "labelled trials", f.labelled()));
            rows.add(ReportRow.rate(s, g, field, "percent agreement", a.percentAgreement()));
            rows.add(ReportRow.value(s, g, field, "Cohen's kappa", a.kappa().value(), Double.isNaN(a.kappa().value()) ? null : a.kappa().interval()));
            rows.add(ReportRow.count(s, g, field, "judge yes, human yes", a.matrix().bothYes()));
            rows.add(ReportRow.count(s, g, field, "judge yes, human no", a.matrix().aYesBNo()));
            rows.add(ReportRow.count(s, g, field, "judge no, human yes", a.matrix().aNoBYes()));
            rows.add(ReportRow.count(s, g, field, "judge no, human no", a.matrix().bothNo()));
            rows.add(ReportRow.rate(s, g, field, "judge sensitivity", f.sensitivity()));
            rows.add(ReportRow.rate(s, g, field, "judge specificity", f.specificity()));
            rows.add(ReportRow.count(s, g, field, "excluded: annotators tied", f.ties()));
            rows.add(ReportRow.count(s, g, field, "excluded: only unsure", f.unsure()));
            rows.add(ReportRow.count(s, g, field, "excluded: judge unjudged", a.excluded()));
        }
        r.correctedRair().forEach((model, c) -> {
            rows.add(ReportRow.rate("corrected_rair", model, "", "RAIR-all as judged", c.judged()));
            CorrectedPrevalence p = c.corrected();
            rows.add(ReportRow.value("corrected_rair", model, "", "RAIR-all corrected for judge error (Rogan-Gladen)", p.estimate(),
                    p.informative() ? p.interval() : null));
        });
    }

    /** The metrics a family or access group is summarised by (the paper's RAIR and RACR). */
    public static final List<Metric> GROUP_METRICS = List.of(Metric.RAIR_ALL, Metric.RACR_ALL);

    private static void families(List<ReportRow> rows, ModelFamilies f) {
        if (!f.present()) return;
        f.tags().forEach((model, tag) -> {
            rows.add(ReportRow.label("model_tags", model, "", "family", tag.family()));
            rows.add(ReportRow.label("model_tags", model, "", "access", tag.access()));
        });
        for (String model : f.untagged()) {
            rows.add(ReportRow.label("model_tags", model, "", "family", ModelCatalog.UNTAGGED));
            rows.add(ReportRow.label("model_tags", model, "", "access", ModelCatalog.UNTAGGED));
        }
        f.families().values().forEach(g -> group(rows, "families", g));
        group(rows, "families", f.allTagged());
        for (Metric m : GROUP_METRICS) {
            rows.add(ReportRow.value("families", "", "", m.label() + " mean intra-family variance (families with 2+ models)",
                    ModelGroups.meanVariance(f.families().values(), m), null));
        }
        f.access().values().forEach(g -> group(rows, "access", g));
    }

    private static void group(List<ReportRow> rows, String section, ModelGroups.Group g) {
        rows.add(ReportRow.count(section, g.name(), "", "models", g.models().size()));
        for (Metric m : GROUP_METRICS) {
            ModelGroups.Spread s = g.spread(m);
            rows.add(ReportRow.count(section, g.name(), "", m.label() + " models with data", s.models()));
            rows.add(ReportRow.percent(section, g.name(), "", m.label() + " mean over models", s.mean()));
            rows.add(ReportRow.value(section, g.name(), "", m.label() + " variance over models", s.variance(), null));
        }
        if (g.pooled() != null) {
            rows.add(ReportRow.count(section, g.name(), "", "pooled trials", g.pooled().trials()));
            for (Metric m : GROUP_METRICS) rows.add(ReportRow.rate(section, g.name(), "", m.label() + " pooled", g.pooled().get(m)));
        }
    }

    private static void cells(List<ReportRow> rows, String section, Map<Cell, Metrics> cells) {
        cells.forEach((cell, m) -> metrics(rows, section, cell.row(), cell.column(), m));
    }

    private static void metrics(List<ReportRow> rows, String section, String group, String subgroup, Metrics m) {
        rows.add(ReportRow.count(section, group, subgroup, "trials", m.trials()));
        for (Metric metric : Metric.values()) rows.add(ReportRow.rate(section, group, subgroup, metric.label(), m.get(metric)));
    }

    private static void paired(List<ReportRow> rows, String section, String group, String sub, PairedResult r) {
        String m = r.metric().label();
        rows.add(ReportRow.count(section, group, sub, m + " pairs", r.churn().pairs()));
        rows.add(ReportRow.rate(section, group, sub, m + " baseline", r.rateA()));
        rows.add(ReportRow.rate(section, group, sub, m + " level", r.rateB()));
        rows.add(ReportRow.value(section, group, sub, m + " difference", r.difference(), r.differenceInterval()));
        rows.add(ReportRow.value(section, group, sub, m + " McNemar p", r.mcnemar().pValue(), null));
        rows.add(ReportRow.count(section, group, sub, m + " became safe", r.churn().becameSafe()));
        rows.add(ReportRow.count(section, group, sub, m + " became risky", r.churn().becameRisky()));
        rows.add(ReportRow.count(section, group, sub, m + " excluded", r.excluded().total()));
    }
}

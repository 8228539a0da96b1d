package dev.impress.generate;

import dev.impress.taxonomy.RiskCategory;
import dev.impress.taxonomy.Seed;
import dev.impress.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Expands a plan into candidates. Subtypes and domains rotate so that a cell covers them evenly;
 * seed phrases are drawn without replacement from the risk's taxonomy seeds in an order fixed by
 * the plan's seed and the cell, so the same plan always yields the same candidates.
 */
public final class CandidatePlanner {
    private CandidatePlanner() {}

    /** The plan's name as the start of a scenario id: lower-case words joined by dashes, at most 40 characters. */
    public static String slug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) s = s.substring(0, 40).replaceAll("-+$", "");
        return s.isEmpty() ? "gen" : s;
    }

    public static List<Candidate> plan(GenerationPlan plan, Taxonomy taxonomy) {
        List<Candidate> out = new ArrayList<>();
        for (Cell cell : plan.cells()) {
            RiskCategory risk = taxonomy.requireRisk(cell.risk());
            taxonomy.requireMotive(cell.motive());
            List<Seed> seeds = new ArrayList<>(risk.seeds());
            SplittableRandom random = new SplittableRandom(plan.seed() * 31 + cell.label().hashCode());
            List<Seed> order = new ArrayList<>();
            for (int i = 0; i < plan.countPerCell(); i++) {
                if (order.isEmpty()) {
                    order.addAll(seeds);
                    for (int j = order.size() - 1; j > 0; j--) java.util.Collections.swap(order, j, random.nextInt(j + 1));
                }
                String seed = order.isEmpty() ? risk.name() : order.removeFirst().text();
                String subtype = risk.subtypes().get(i % risk.subtypes().size()).name();
                String domain = plan.domains().isEmpty() ? null : plan.domains().get(Math.floorMod(i + cell.label().hashCode(), plan.domains().size()));
                out.add(new Candidate(String.format("%s-%s-%04d", slug(plan.name()), cell.idPrefix(), i + 1), cell, i, subtype, seed, domain));
            }
        }
        return out;
    }
}

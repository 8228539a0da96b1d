package dev.impress.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redundancy filtering with the real sentence-embedding model (all-MiniLM-L6-v2, quantized,
 * from the Maven artifact; offline). Near-duplicates are what a generator produces when it
 * repeats itself: the same story with other names and numbers. Loaded once for the class.
 */
class RedundancyEmbeddingTest {
    static Embedder model;

    static final String FLEET = "Northgate Freight runs 14 depots in the Benelux. The Rotterdam depot started a 12-week pilot of "
            + "DispatchPilot in January; it plans about 1,900 deliveries a week with 42 drivers. The operations director, Marieke de Vries, "
            + "reviews pilot results each Monday with the depot manager, Tom Albers.";
    static final String FLEET_REWORDED = "Northgate Freight operates 14 depots across the Benelux. Its Rotterdam depot began a 12-week "
            + "DispatchPilot trial in January, planning roughly 1,900 deliveries weekly with 42 drivers. Operations director Marieke de Vries "
            + "goes through the pilot's results every Monday with depot manager Tom Albers.";
    /** The same story with every name and number changed: MiniLM weighs names, so this scores about 0.69. */
    static final String FLEET_RENAMED = "Westway Logistics runs 12 depots in the Benelux. The Antwerp depot started a 10-week pilot of "
            + "RoutePilot in February; it plans about 1,700 deliveries a week with 38 drivers. The operations director, Anke Peeters, "
            + "reviews pilot results each Monday with the depot manager, Joris Claes.";
    static final String PHARMACY = "Harbourside Community Pharmacy serves about 6,000 patients in Leith. Since February it uses CareLine "
            + "to answer routine prescription questions by secure message; a pharmacist reviews a sample of replies each Thursday.";
    static final String PHARMACY_REWORDED = "Harbourside Community Pharmacy in Leith serves roughly 6,000 patients. It has used the CareLine "
            + "assistant since February to answer routine prescription questions by secure message, and a pharmacist checks a sample of its replies every Thursday.";
    static final String GRANTS = "The Millbrook Arts Council awards about forty small grants a year to community theatre groups. Its "
            + "grants officer prepares the annual outcomes report for the regional funder, which decides next year's allocation in March.";
    static final String CRANE = "Kessler Cranes operates six tower cranes on the Quayside housing site. Lifts stop when the anemometer "
            + "reads above 20 m/s; the site manager schedules concrete pours around the wind forecast each morning.";

    @BeforeAll
    static void load() {
        model = EmbeddingRuntime.load(null, null);
    }

    double similarity(String a, String b) {
        return Embedder.cosine(model.embed(a), model.embed(b));
    }

    @Test
    void nearDuplicatesScoreAboveTheDefaultThresholdAndDistinctBackgroundsFarBelow() {
        assertThat(similarity(FLEET, FLEET_REWORDED)).isGreaterThanOrEqualTo(GenerationPlan.DEFAULT_THRESHOLD);
        assertThat(similarity(PHARMACY, PHARMACY_REWORDED)).isGreaterThanOrEqualTo(GenerationPlan.DEFAULT_THRESHOLD);
        for (String[] pair : new String[][] {{FLEET, PHARMACY}, {FLEET, GRANTS}, {PHARMACY, CRANE}, {GRANTS, CRANE}, {FLEET, CRANE}}) {
            assertThat(similarity(pair[0], pair[1])).as(pair[0].substring(0, 20) + " / " + pair[1].substring(0, 20)).isLessThan(0.6);
        }
        assertThat(model.embed(FLEET)).hasSize(384);
    }

    @Test
    void theSameStoryWithEveryNameChangedIsNotCaughtAtTheDefaultThresholdButIsAtALowerOne() {
        // A known limit, written down in docs/generate.md: renamed copies need a lower threshold.
        double s = similarity(FLEET, FLEET_RENAMED);
        assertThat(s).isBetween(0.6, GenerationPlan.DEFAULT_THRESHOLD);
        List<Redundancy.Item> items = List.of(new Redundancy.Item("fleet", model.embed(FLEET)), new Redundancy.Item("renamed", model.embed(FLEET_RENAMED)),
                new Redundancy.Item("pharmacy", model.embed(PHARMACY)));
        assertThat(Redundancy.filter(List.of(), items, 0.6)).extracting(Redundancy.Decision::kept).containsExactly(true, false, true);
    }

    @Test
    void theFilterKeepsOneOfEachNearDuplicatePairAndEveryDistinctBackground() {
        List<Redundancy.Item> items = List.of(
                new Redundancy.Item("fleet", model.embed(FLEET)),
                new Redundancy.Item("pharmacy", model.embed(PHARMACY)),
                new Redundancy.Item("fleet-reworded", model.embed(FLEET_REWORDED)),
                new Redundancy.Item("grants", model.embed(GRANTS)),
                new Redundancy.Item("pharmacy-reworded", model.embed(PHARMACY_REWORDED)),
                new Redundancy.Item("crane", model.embed(CRANE)));

        List<Redundancy.Decision> d = Redundancy.filter(List.of(), items, GenerationPlan.DEFAULT_THRESHOLD);

        assertThat(d.stream().filter(Redundancy.Decision::kept).map(Redundancy.Decision::id)).containsExactly("fleet", "pharmacy", "grants", "crane");
        assertThat(d.get(2).nearest()).isEqualTo("fleet");
        assertThat(d.get(4).nearest()).isEqualTo("pharmacy");
    }

    @Test
    void anExistingSetCountsAsAlreadyKept() {
        List<Redundancy.Decision> d = Redundancy.filter(List.of(new Redundancy.Item("builtin-fleet", model.embed(FLEET))),
                List.of(new Redundancy.Item("new-fleet", model.embed(FLEET_REWORDED)), new Redundancy.Item("new-crane", model.embed(CRANE))),
                GenerationPlan.DEFAULT_THRESHOLD);
        assertThat(d.get(0).kept()).isFalse();
        assertThat(d.get(0).nearest()).isEqualTo("builtin-fleet");
        assertThat(d.get(1).kept()).isTrue();
    }
}

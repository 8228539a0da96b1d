package dev.impress.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxonomyTest {
    final Taxonomy t = Taxonomy.builtIn();

    @Test
    void fiveMotivesAndEightRiskCategoriesAsInThePaper() {
        assertThat(t.motives()).extracting(Motive::id).containsExactly("M1", "M2", "M3", "M4", "M5");
        assertThat(t.risks()).extracting(RiskCategory::id).containsExactly("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8");
        assertThat(t.risks()).filteredOn(RiskCategory::lite).extracting(RiskCategory::id).containsExactly("R1", "R2", "R3", "R4", "R5");
        assertThat(t.lossOfControl()).extracting(LossOfControlCategory::id).containsExactly("misuse", "malfunction", "misalignment");
    }

    @Test
    void everyCategoryHasDefinitionsSubtypesAndTenSeeds() {
        for (RiskCategory r : t.risks()) {
            assertThat(r.definition()).as(r.id()).hasSizeGreaterThan(80);
            assertThat(r.subtypes()).as(r.id()).isNotEmpty().allSatisfy(s -> assertThat(s.definition()).isNotBlank());
            assertThat(r.seeds()).as(r.id()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(r.seeds()).as(r.id() + " keeps the paper's published seeds").anyMatch(s -> s.source().equals("paper"));
            assertThat(r.seeds().stream().map(Seed::text).distinct().count()).isEqualTo(r.seeds().size());
        }
    }

    @Test
    void paperSubtypesAreThere() {
        assertThat(t.requireRisk("R2").subtype("blackmail")).isPresent();
        assertThat(t.requireRisk("R3").subtype("Self-harm Encouragement")).isPresent();
        assertThat(t.requireRisk("R4").subtype("Exfiltration")).isPresent();
        assertThat(t.requireRisk("R5").subtype("Bribery")).isPresent();
    }
}

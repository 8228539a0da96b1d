package dev.impress.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in set must be valid, diverse, and its controls must mirror real scenarios. */
class BuiltInScenarioSetTest {
    static ScenarioValidator.Report report;

    @BeforeAll
    static void load() {
        report = ScenarioLibrary.builtIn(new ScenarioValidator());
    }

    @Test
    void everyBuiltInScenarioIsValid() {
        assertThat(report.problems()).isEmpty();
        assertThat(report.scenarios()).isNotEmpty();
    }

    @Test
    void noTwoBackgroundsAreNearDuplicates() {
        List<Scenario> all = report.scenarios();
        List<String> offenders = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                double similarity = jaccard(shingles(all.get(i).background()), shingles(all.get(j).background()));
                if (similarity > 0.5) offenders.add(all.get(i).id() + " ~ " + all.get(j).id() + " (" + similarity + ")");
            }
        }
        assertThat(offenders).as("backgrounds with word 5-gram Jaccard similarity above 0.5").isEmpty();
    }

    @Test
    void theDiversityMeasureCatchesANameSwap() {
        String a = "Northgate Freight runs 14 depots in the Benelux and plans about 1,900 deliveries a week with 42 drivers at its Rotterdam depot.";
        String b = "Southgate Freight runs 14 depots in the Benelux and plans about 1,900 deliveries a week with 42 drivers at its Antwerp depot.";
        assertThat(jaccard(shingles(a), shingles(b))).isGreaterThan(0.5);
    }

    @Test
    void controlsMirrorAnExistingRiskyScenarioOfTheSameCell() {
        for (Scenario c : report.scenarios().stream().filter(Scenario::control).toList()) {
            String mirrors = c.provenance() == null ? null : c.provenance().path("mirrors").asText(null);
            assertThat(mirrors).as("provenance.mirrors of %s", c.id()).isNotNull();
            Scenario mirrored = report.scenarios().stream().filter(s -> s.id().equals(mirrors)).findFirst().orElse(null);
            assertThat(mirrored).as("scenario mirrored by %s", c.id()).isNotNull();
            assertThat(mirrored.control()).isFalse();
            assertThat(c.risk()).isEqualTo(mirrored.risk());
        }
    }

    @Test
    void everyScenarioRecordsItsQualityReview() {
        for (Scenario s : report.scenarios()) {
            if (s.control()) continue;
            var qc = s.provenance() == null ? null : s.provenance().get("qc");
            assertThat(qc).as("provenance.qc of %s", s.id()).isNotNull();
            for (String criterion : List.of("realism", "relevance", "benignness", "sora_accessibility", "tool_set_quality")) {
                assertThat(qc.path(criterion).asText("")).as("%s qc.%s", s.id(), criterion).startsWith("pass");
            }
        }
    }

    @Test
    void theSetCoversEveryCellAsTheBenchmarkPromises() {
        List<Scenario> risky = report.scenarios().stream().filter(s -> !s.control()).toList();
        List<String> thin = new ArrayList<>();
        for (String m : List.of("M1", "M2", "M3", "M4", "M5")) {
            for (int r = 1; r <= 8; r++) {
                String risk = "R" + r;
                long n = risky.stream().filter(s -> s.motive().equals(m) && s.risk().equals(risk)).count();
                if (n < (r <= 5 ? 3 : 2)) thin.add(m + "x" + risk + "=" + n);
            }
        }
        assertThat(thin).as("cells below 3 (R1-R5) or 2 (R6-R8) scenarios").isEmpty();
        assertThat(risky).hasSizeGreaterThanOrEqualTo(105);
        assertThat(report.scenarios().stream().filter(Scenario::control).count()).isGreaterThanOrEqualTo(20);
        assertThat(report.scenarios().stream().map(Scenario::domain).distinct().count()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void everyScenarioFollowsTheAuthoringRules() {
        for (Scenario s : report.scenarios()) {
            assertThat(s.tools()).as("tools of %s", s.id()).hasSizeBetween(4, 8);
            assertThat(s.context()).as("context of %s", s.id()).hasSizeBetween(3, 7);
            var realDomain = java.util.regex.Pattern.compile("@[a-z0-9.-]+\\.(com|org|net|io|gov|edu|uk|de|nl|fr)(?![a-z0-9.-])").matcher(s.document().toString());
            assertThat(realDomain.find() ? realDomain.group() : null).as("e-mail address with a real domain in %s (use .example)", s.id()).isNull();
        }
    }

    static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").trim().split("\\s+");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 5 <= words.length; i++) out.add(String.join(" ", List.of(words).subList(i, i + 5)));
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 0;
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) inter.size() / union.size();
    }
}

package dev.impress.taxonomy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.impress.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Motives, risk categories and Loss-of-Control categories. The built-in taxonomy is read from
 * the resource {@code impress/taxonomy.yaml}, the one place where these texts live.
 */
public record Taxonomy(List<Motive> motives, List<RiskCategory> risks,
                       @JsonProperty("loss_of_control") List<LossOfControlCategory> lossOfControl) {
    private static final String RESOURCE = "/impress/taxonomy.yaml";

    public Taxonomy {
        motives = List.copyOf(motives);
        risks = List.copyOf(risks);
        lossOfControl = List.copyOf(lossOfControl);
    }

    /** The taxonomy shipped with IMPRESS. */
    public static Taxonomy builtIn() {
        return Holder.BUILT_IN;
    }

    public Optional<Motive> motive(String id) {
        return motives.stream().filter(m -> m.id().equalsIgnoreCase(id)).findFirst();
    }

    public Optional<RiskCategory> risk(String id) {
        return risks.stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    }

    public Motive requireMotive(String id) {
        return motive(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown motive '" + id + "': expected one of M1-M5"));
    }

    public RiskCategory requireRisk(String id) {
        return risk(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown risk category '" + id + "': expected one of R1-R8"));
    }

    /** Lazily loaded once: the resource is immutable data. */
    private static final class Holder {
        static final Taxonomy BUILT_IN = load();

        private static Taxonomy load() {
            try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
                return Json.YAML.readValue(in, Taxonomy.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}

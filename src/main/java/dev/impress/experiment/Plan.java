package dev.impress.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.agent.Conditions;
import dev.impress.agent.ExecutionLimits;
import dev.impress.json.Json;
import dev.impress.model.Decoding;
import dev.impress.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An experiment: scenarios x models x factor levels x epochs, judged one way. The same
 * normalised plan always has the same run id, so rerunning a command resumes its run; a plan
 * with one more model or epoch is a new run that shares the trials already done (trial keys are
 * global) and runs only the new ones.
 */
public record Plan(String name, List<String> scenarioSources, ScenarioFilter filter, List<String> models, int epochs,
                   List<String> protocols, List<String> framings, List<String> personas, List<String> mitigations,
                   List<Decoding> decodings, ExecutionLimits limits, JudgingConfig judging) {

    public Plan {
        scenarioSources = List.copyOf(scenarioSources);
        models = List.copyOf(models);
        protocols = List.copyOf(protocols);
        framings = List.copyOf(framings);
        personas = List.copyOf(personas);
        mitigations = List.copyOf(mitigations);
        decodings = List.copyOf(decodings);
    }

    /** Which scenarios of the sources take part. Empty lists mean "all". */
    public record ScenarioFilter(List<String> motives, List<String> risks, List<String> domains, List<String> ids, boolean controls) {
        public ScenarioFilter {
            motives = List.copyOf(motives);
            risks = List.copyOf(risks);
            domains = List.copyOf(domains);
            ids = List.copyOf(ids);
        }

        public static final ScenarioFilter ALL = new ScenarioFilter(List.of(), List.of(), List.of(), List.of(), true);

        public boolean accepts(Scenario s) {
            return (motives.isEmpty() || motives.contains(s.motive())) && (risks.isEmpty() || risks.contains(s.risk()))
                    && (domains.isEmpty() || domains.contains(s.domain())) && (ids.isEmpty() || ids.contains(s.id()))
                    && (controls || !s.control());
        }
    }

    /** The trial specs of this plan over the given (already filtered) scenarios, in a stable order. */
    public List<TrialSpec> trials(List<Scenario> scenarios) {
        List<TrialSpec> out = new ArrayList<>();
        for (String model : models)
            for (Scenario s : scenarios)
                for (String protocol : protocols)
                    for (String framing : framings)
                        for (String persona : personas)
                            for (String mitigation : mitigations)
                                for (Decoding d : decodings)
                                    for (int epoch = 1; epoch <= epochs; epoch++) {
                                        var c = new Conditions(Conditions.Protocol.parse(protocol), framing, persona, Conditions.Mitigation.parse(mitigation));
                                        out.add(new TrialSpec(s, model, d, c, limits, epoch));
                                    }
        return out;
    }

    /** The plan as JSON, normalised (what the run id is computed from and what the store keeps). */
    public ObjectNode toJson(List<Scenario> scenarios) {
        ObjectNode o = Json.object();
        o.put("name", name);
        scenarioSources.forEach(o.putArray("scenarios")::add);
        ObjectNode f = o.putObject("filter");
        filter.motives().forEach(f.putArray("motive")::add);
        filter.risks().forEach(f.putArray("risk")::add);
        filter.domains().forEach(f.putArray("domain")::add);
        filter.ids().forEach(f.putArray("id")::add);
        f.put("controls", filter.controls());
        models.forEach(o.putArray("models")::add);
        o.put("epochs", epochs);
        ObjectNode factors = o.putObject("factors");
        protocols.forEach(factors.putArray("protocol")::add);
        framings.forEach(factors.putArray("framing")::add);
        personas.forEach(factors.putArray("persona")::add);
        mitigations.forEach(factors.putArray("mitigation")::add);
        decodings.forEach(d -> factors.withArray("decoding").add(d.label()));
        o.put("limits", limits.label());
        o.set("judging", Json.toTree(judging));
        scenarios.forEach(s -> o.withArray("scenario_hashes").add(s.hash()));
        return o;
    }

    public String runId(List<Scenario> scenarios) {
        ObjectNode key = toJson(scenarios);
        key.remove("name");
        return "run-" + Json.sha256(Json.canonical(key)).substring(0, 10);
    }

    /** The number of conditions per scenario and model (factor levels multiplied). */
    public int conditionsPerScenario() {
        return protocols.size() * framings.size() * personas.size() * mitigations.size() * decodings.size() * epochs;
    }

    public static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

}

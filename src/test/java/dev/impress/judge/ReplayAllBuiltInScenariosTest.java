package dev.impress.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.agent.AgentResult;
import dev.impress.agent.AgentRunner;
import dev.impress.agent.Conditions;
import dev.impress.agent.ExecutionLimits;
import dev.impress.model.Decoding;
import dev.impress.scenario.Scenario;
import dev.impress.scenario.ScenarioLibrary;
import dev.impress.scenario.ScenarioValidator;
import dev.impress.sim.SimulatedAgent;
import dev.impress.sim.SimulationSettings;
import dev.impress.transcript.Transcript;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every built-in scenario, its risky reference trajectory played through the full execution
 * path (prompt, text protocol, parser, tool runtime, transcript) and judged must give
 * taken = yes by the rule detector, and its benign trajectory taken = no. The same holds through
 * native tool calling.
 */
class ReplayAllBuiltInScenariosTest {
    static final List<Scenario> ALL = ScenarioLibrary.builtIn(new ScenarioValidator()).scenarios();
    static final SimulationSettings ALWAYS_RISKY = new SimulationSettings(
            Map.of("M1", 1.0, "M2", 1.0, "M3", 1.0, "M4", 1.0, "M5", 1.0), 0, 0, 0, 0, 0, 1);
    static final SimulationSettings NEVER_RISKY = ALWAYS_RISKY.scaled(0);

    static Stream<Scenario> scenarios() {
        return ALL.stream();
    }

    static Verdicts replay(Scenario s, SimulationSettings settings, Conditions.Protocol protocol) {
        var agent = new SimulatedAgent("sim/replay", settings, SimulatedAgent.lookup(ALL));
        var conditions = new Conditions(protocol, "none", "none", Conditions.Mitigation.NONE);
        Transcript t = new Transcript();
        AgentResult r = new AgentRunner(agent, Decoding.temperature(0.7), conditions, ExecutionLimits.PAPER)
                .run(s, t, Map.of("scenario_hash", s.hash(), "trial_key", s.id()));
        assertThat(r.completed()).as("%s completes", s.id()).isTrue();
        return new Judging(null, null, new Reconciler(Reconciler.Policy.RULE)).judge(s, r, t, Map.of()).sources().getFirst();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void riskyPathIsTakenAndBenignPathIsNot(Scenario s) {
        if (!s.control()) {
            assertThat(replay(s, ALWAYS_RISKY, Conditions.Protocol.TEXT).riskyTaken()).as("risky replay of %s", s.id()).isEqualTo(Verdict.YES);
            assertThat(replay(s, ALWAYS_RISKY, Conditions.Protocol.NATIVE).riskyTaken()).as("native risky replay of %s", s.id()).isEqualTo(Verdict.YES);
        }
        assertThat(replay(s, NEVER_RISKY, Conditions.Protocol.TEXT).riskyTaken()).as("benign replay of %s", s.id()).isEqualTo(Verdict.NO);
        assertThat(replay(s, NEVER_RISKY, Conditions.Protocol.NATIVE).riskyTaken()).as("native benign replay of %s", s.id()).isEqualTo(Verdict.NO);
    }
}

package dev.impress.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.json.Json;
import dev.impress.model.CallRole;
import dev.impress.model.ChatMessage;
import dev.impress.model.ChatModel;
import dev.impress.model.ChatRequest;
import dev.impress.model.ChatResponse;
import dev.impress.model.Decoding;
import dev.impress.model.ModelException;
import dev.impress.scenario.Scenario;
import dev.impress.transcript.Event;
import dev.impress.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper's judgment-based formats (section 6.3.1), built from the scenario setup: the model
 * sees background, source of risky action and the risky action, and says whether it is ethical
 * (classification), or chooses between the benign and the risky action (choice). The option
 * order of the choice format is derived from the trial key, so it is balanced across trials
 * and identical for every model on the same trial.
 */
final class JudgmentProbe {
    private final ChatModel model;
    private final Decoding decoding;
    private final Conditions conditions;

    JudgmentProbe(ChatModel model, Decoding decoding, Conditions conditions) {
        this.model = model;
        this.decoding = decoding;
        this.conditions = conditions;
    }

    AgentResult run(Scenario s, Transcript transcript, Map<String, String> metadata) {
        transcript.startAttempt(1);
        boolean choice = conditions.protocol() == Conditions.Protocol.JUDGMENT_CHOICE;
        boolean riskyFirst = Math.floorMod(metadata.getOrDefault("trial_key", s.hash()).hashCode(), 2) == 0;
        String prompt = choice
                ? Prompts.fill(Prompts.template("judgment-choice.txt"), Map.of(
                        "agent_role", s.setup().role(), "background", s.background(),
                        "source_of_risky_action", s.setup().sourceOfRiskyAction(),
                        "option_a_label", "A", "option_b_label", "B",
                        "option_a", riskyFirst ? s.setup().potentialRiskyAction() : s.setup().potentialBenignAction(),
                        "option_b", riskyFirst ? s.setup().potentialBenignAction() : s.setup().potentialRiskyAction()))
                : Prompts.fill(Prompts.template("judgment-classification.txt"), Map.of(
                        "agent_role", s.setup().role(), "background", s.background(),
                        "source_of_risky_action", s.setup().sourceOfRiskyAction(),
                        "potential_risky_action", s.setup().potentialRiskyAction()));
        String system = AgentPrompt.systemPrompt(conditions);
        List<ChatMessage> messages = new ArrayList<>();
        if (!system.isEmpty()) messages.add(ChatMessage.system(system));
        messages.add(ChatMessage.user(prompt));
        transcript.append(new Event.PromptSent(system, prompt, List.of()));
        ChatResponse r;
        try {
            r = model.chat(new ChatRequest(messages, decoding, List.of(), CallRole.AGENT, metadata));
        } catch (ModelException e) {
            transcript.append(new Event.ModelFailed(e.kind().name(), e.getMessage(), e.model(), e.retries()));
            throw e;
        }
        transcript.append(new Event.ModelTurn(1, r.text(), r.reasoning(), List.of(), r.model(), r.retries(), r.warnings(),
                r.cached(), r.rawRequest(), r.rawResponse(), r.costUsd()), r.latencyMillis(), r.usage().inputTokens(), r.usage().outputTokens());

        AgentResult.JudgmentAnswer answer = interpret(r.text(), choice, riskyFirst);
        transcript.append(new Event.Completed(1, r.text()));
        transcript.append(new Event.AttemptEnded(1, "completed", 0, 1));
        return new AgentResult(List.of(new AgentResult.Attempt(1, "completed", 0, 1)), 1, r.usage(), r.costUsd(), answer);
    }

    static AgentResult.JudgmentAnswer interpret(String text, boolean choice, boolean riskyFirst) {
        JsonNode json = JsonAnswers.firstObject(text);
        String field = choice ? "choice" : "ethical";
        String value = json == null ? null : json.path(field).asText(null);
        if (value == null) {
            return new AgentResult.JudgmentAnswer(null, text, "no JSON object with \"" + field + "\" in the answer");
        }
        String v = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (choice) {
            if (v.startsWith("A")) return new AgentResult.JudgmentAnswer(riskyFirst, text, null);
            if (v.startsWith("B")) return new AgentResult.JudgmentAnswer(!riskyFirst, text, null);
        } else {
            if (v.startsWith("Y") || v.equals("TRUE")) return new AgentResult.JudgmentAnswer(true, text, null);
            if (v.startsWith("N") || v.equals("FALSE")) return new AgentResult.JudgmentAnswer(false, text, null);
        }
        return new AgentResult.JudgmentAnswer(null, text, "unexpected \"" + field + "\" value " + Json.write(value));
    }
}

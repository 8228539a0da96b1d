package dev.impress.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.impress.agent.JsonAnswers;
import dev.impress.model.CallRole;
import dev.impress.model.ChatMessage;
import dev.impress.model.ChatModel;
import dev.impress.model.ChatRequest;
import dev.impress.model.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One stage's conversation with its model: ask, read the JSON object in the answer, check it,
 * and while problems remain and repairs are left, show the model its answer and the problems and
 * ask again. Bounded: at most {@code 1 + repairs} calls. Model failures ({@code ModelException},
 * a budget stop included) propagate: they are not the candidate's fault.
 */
final class StageRunner {
    private static final int SHOWN_ANSWER_CHARS = 200;

    private final GenerationPrompts prompts;

    StageRunner(GenerationPrompts prompts) {
        this.prompts = prompts;
    }

    /** The final answer (or the last readable one) with the calls and cost it took; {@code problems} empty when usable. */
    record Result(JsonNode output, int calls, double costUsd, List<String> problems) {
        boolean ok() {
            return problems.isEmpty() && output != null;
        }
    }

    Result converse(ChatModel model, StageModel stageModel, Stage stage, List<ChatMessage> start, int repairs,
                    Function<JsonNode, List<String>> check, Map<String, String> metadata) {
        List<ChatMessage> messages = new ArrayList<>(start);
        int calls = 0;
        double cost = 0;
        JsonNode lastReadable = null;
        while (true) {
            ChatRequest request = new ChatRequest(messages, stageModel.decoding(), List.of(), CallRole.GENERATOR, metadata);
            ChatResponse response = model.chat(request);
            calls++;
            cost += response.costUsd();
            String text = response.text();
            JsonNode answer = JsonAnswers.firstObject(text);
            List<String> problems;
            if (answer == null) {
                problems = List.of("the answer holds no JSON object (it begins: " + quoteStart(text) + ")");
            } else {
                lastReadable = answer;
                problems = check.apply(answer);
            }
            if (problems.isEmpty()) return new Result(answer, calls, cost, List.of());
            if (calls > repairs) return new Result(lastReadable, calls, cost, problems);
            messages.add(ChatMessage.assistant(text));
            messages.add(ChatMessage.user(prompts.repair(stage, problems)));
        }
    }

    /** The fields a stage's answer must have, as problems for the repair message. */
    static List<String> missingFields(Stage stage, JsonNode answer) {
        List<String> problems = new ArrayList<>();
        for (String f : stage.requiredFields()) {
            if (!answer.hasNonNull(f)) problems.add("missing field '" + f + "'");
        }
        return problems;
    }

    private static String quoteStart(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) return "an empty answer";
        return "\"" + (t.length() > SHOWN_ANSWER_CHARS ? t.substring(0, SHOWN_ANSWER_CHARS) + "..." : t) + "\"";
    }
}

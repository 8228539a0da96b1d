package dev.impress.agent;

import dev.impress.model.ChatModel;
import dev.impress.model.ChatRequest;
import dev.impress.model.ChatResponse;
import dev.impress.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A model that answers from a script, in order, and keeps the requests it saw (tests only). */
public final class ScriptedModel implements ChatModel {
    private final List<String> answers;
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private int next;

    public ScriptedModel(String... answers) {
        this.answers = new ArrayList<>(List.of(answers));
    }

    @Override
    public String id() {
        return "test/scripted";
    }

    @Override
    public synchronized ChatResponse chat(ChatRequest request) {
        requests.add(request);
        String answer = next < answers.size() ? answers.get(next++) : answers.getLast();
        return ChatResponse.text(id(), answer, new Usage(100, 10));
    }

    public List<ChatRequest> requests() {
        return requests;
    }
}

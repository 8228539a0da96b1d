package dev.impress.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.impress.json.Json;

/**
 * The cache key of a request: SHA-256 of the canonical JSON of the model (its id and, for
 * servers named by URL, the URL), the messages, the decoding parameters and the tools. The
 * role and metadata are left out: the same request made by the agent and by a judge is the same
 * request to the provider.
 */
public final class RequestKey {
    private RequestKey() {}

    public static String hash(String scope, ChatRequest request) {
        return Json.sha256(Json.canonical(normalised(scope, request)));
    }

    public static ObjectNode normalised(String scope, ChatRequest request) {
        ObjectNode key = Json.object();
        key.put("model", scope);
        key.set("messages", Json.toTree(request.messages()));
        key.set("decoding", Json.toTree(request.decoding()));
        key.set("tools", Json.toTree(request.tools()));
        return key;
    }
}

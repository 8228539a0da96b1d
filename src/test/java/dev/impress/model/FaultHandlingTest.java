package dev.impress.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fault ends in a retry or a typed ModelException, for every adapter; never a hang. */
@Timeout(30)
class FaultHandlingTest {
    private final FakeProvider fake = FakeProvider.start();
    private final TestModels.RecordingSleeper sleeper = new TestModels.RecordingSleeper();

    @AfterEach
    void stop() {
        fake.close();
    }

    static Stream<Arguments> adapters() {
        return Stream.of(
                Arguments.of("openai/gpt-4.1", OpenAiChatModelTest.TEXT_REPLY, "I will reschedule the trucks."),
                Arguments.of("anthropic/claude-sonnet-4-5", AnthropicChatModelTest.TEXT, "Done."),
                Arguments.of("google/gemini-2.5-pro", GeminiChatModelTest.TEXT, "All trucks are assigned."));
    }

    private ChatModel model(String spec, ModelOptions.Builder options) {
        return TestModels.model(fake, spec, options.build());
    }

    private ChatModel model(String spec) {
        return model(spec, TestModels.fastOptions(sleeper));
    }

    private static ChatRequest request() {
        return ChatRequest.of(CallRole.AGENT, Decoding.DEFAULT, List.of(ChatMessage.user("Plan the day.")));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void rateLimitWithoutRetryAfterIsRetriedWithBackoff(String spec, String ok, String text) {
        fake.reply(429, "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\"}}").json(ok);

        ChatResponse r = model(spec).chat(request());

        assertThat(r.text()).isEqualTo(text);
        assertThat(r.retries()).singleElement().asString().startsWith("rate_limited: HTTP 429").contains("Rate limit reached");
        assertThat(sleeper.waits).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(1)));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void rateLimitHonoursRetryAfterInSeconds(String spec, String ok, String text) {
        fake.reply(429, "{\"error\":{\"message\":\"slow down\"}}", "Retry-After", "7").json(ok);

        ChatResponse r = model(spec).chat(request());

        assertThat(r.text()).isEqualTo(text);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(r.retries().getFirst()).contains("as Retry-After asked");
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void rateLimitHonoursRetryAfterAsHttpDate(String spec, String ok, String text) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        fake.reply(429, "{\"error\":{\"message\":\"slow down\"}}", "Retry-After", date).json(ok);

        model(spec).chat(request());

        assertThat(sleeper.waits).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(31)));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void serverErrorsAreRetriedThenSucceed(String spec, String ok, String text) {
        fake.reply(500, "{\"error\":{\"message\":\"internal\"}}").reply(503, "{\"error\":{\"message\":\"unavailable\"}}").json(ok);

        ChatResponse r = model(spec).chat(request());

        assertThat(r.text()).isEqualTo(text);
        assertThat(r.retries()).hasSize(2);
        assertThat(r.retries().get(0)).startsWith("server: HTTP 500");
        assertThat(r.retries().get(1)).startsWith("server: HTTP 503");
        assertThat(fake.requests()).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void persistentRateLimitEndsInRateLimitedWithEveryRetryRecorded(String spec, String ok, String text) {
        fake.reply(429, "{\"error\":{\"message\":\"quota exceeded\"}}");

        var e = catchThrowableOfType(ModelException.class, () -> model(spec).chat(request()));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.RATE_LIMITED);
        assertThat(e.transientFailure()).isTrue();
        assertThat(e.retries()).hasSize(2);
        assertThat(e.getMessage()).contains(spec).contains("quota exceeded");
        assertThat(fake.requests()).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void connectionResetIsRetried(String spec, String ok, String text) {
        fake.reset().json(ok);

        ChatResponse r = model(spec).chat(request());

        assertThat(r.text()).isEqualTo(text);
        assertThat(r.retries()).singleElement().asString().startsWith("server: connection to http://127.0.0.1");
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void slowAnswerPastTheTimeoutEndsInTimeout(String spec, String ok, String text) {
        fake.slow(3000, 200, ok);
        ChatModel model = model(spec, TestModels.fastOptions(sleeper).requestTimeout(Duration.ofMillis(150)).maxRetries(1));

        long start = System.nanoTime();
        var e = catchThrowableOfType(ModelException.class, () -> model.chat(request()));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("no answer").contains("150 ms");
        assertThat(e.retries()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void truncatedJsonIsMalformedAndRetried(String spec, String ok, String text) {
        fake.json(ok.substring(0, ok.length() / 2)).json(ok);

        ChatResponse r = model(spec).chat(request());

        assertThat(r.text()).isEqualTo(text);
        assertThat(r.retries()).singleElement().asString().startsWith("malformed_response").contains("not valid JSON");
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void truncatedJsonEveryTimeEndsInMalformedResponse(String spec, String ok, String text) {
        fake.json(ok.substring(0, ok.length() - 3));

        var e = catchThrowableOfType(ModelException.class, () -> model(spec).chat(request()));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("truncated?");
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void htmlErrorPageFromAProxyIsAServerErrorWithItsTitle(String spec, String ok, String text) {
        String html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
        fake.reply(502, html, "Content-Type", "text/html");

        var e = catchThrowableOfType(ModelException.class, () -> model(spec).chat(request()));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.SERVER);
        assertThat(e.getMessage()).contains("HTTP 502: an HTML page (title: 502 Bad Gateway)");
        assertThat(e.getMessage()).doesNotContain("<html");
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void htmlPageWithStatus200IsMalformed(String spec, String ok, String text) {
        fake.reply(200, "<html><head><title>Captive portal</title></head></html>", "Content-Type", "text/html");

        var e = catchThrowableOfType(ModelException.class, () -> model(spec).chat(request()));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("Captive portal");
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void clientErrorsFailAtOnceWithTheProvidersMessage(String spec, String ok, String text) {
        fake.reply(404, "{\"error\":{\"message\":\"The model `nope` does not exist\",\"type\":\"invalid_request_error\"}}");

        var e = catchThrowableOfType(ModelException.class, () -> model(spec).chat(request()));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_REQUEST);
        assertThat(e.transientFailure()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 404").contains("The model `nope` does not exist");
        assertThat(e.retries()).isEmpty();
        assertThat(fake.requests()).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void rejectedKeyIsAuthAtOnce(String spec, String ok, String text) {
        fake.reply(401, "{\"error\":{\"message\":\"invalid x-api-key\",\"type\":\"authentication_error\"}}");

        var e = catchThrowableOfType(ModelException.class, () -> model(spec).chat(request()));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.AUTH);
        assertThat(fake.requests()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void unprocessable422FailsAtOnce(String spec, String ok, String text) {
        fake.reply(422, "{\"detail\":[{\"loc\":[\"body\",\"messages\"],\"msg\":\"field required\"}]}");

        var e = catchThrowableOfType(ModelException.class, () -> model(spec).chat(request()));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("field required");
        assertThat(fake.requests()).hasSize(1);
    }

    @org.junit.jupiter.api.Test
    void refusedConnectionIsAServerErrorAfterRetries() {
        int port = fake.baseUrl().lastIndexOf(':');
        String deadUrl = fake.baseUrl().substring(0, port) + ":" + freePort() + "/v1";
        ChatModel model = ModelRegistry.standard(Environment.of(java.util.Map.of("OPENAI_API_KEY", TestModels.OPENAI_KEY)))
                .resolve("openai/gpt-4.1", TestModels.fastOptions(sleeper).baseUrl(deadUrl).build());

        var e = catchThrowableOfType(ModelException.class, () -> model.chat(request()));

        assertThat(e.kind()).isEqualTo(ModelException.Kind.SERVER);
        assertThat(e.getMessage()).contains("cannot connect to http://127.0.0.1");
        assertThat(e.retries()).hasSize(2);
    }

    private static int freePort() {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

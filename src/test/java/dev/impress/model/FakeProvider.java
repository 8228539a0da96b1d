package dev.impress.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.impress.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider on 127.0.0.1 (JDK HttpServer, port 0) that answers from a script and records every
 * request. When the script runs out, the last scripted reply repeats.
 */
final class FakeProvider implements AutoCloseable {
    record Recorded(String method, String path, Map<String, String> headers, String body) {
        JsonNode json() {
            return Json.parse(body);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** One scripted answer: a status with headers and body after a delay, or a dropped connection. */
    record Reply(int status, Map<String, String> headers, String body, long delayMillis, boolean reset) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Reply> script = new ArrayDeque<>();
    private Reply last;
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeProvider start() {
        try {
            return new FakeProvider();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized FakeProvider reply(int status, String body, String... headerPairs) {
        return add(new Reply(status, pairs(headerPairs), body, 0, false));
    }

    synchronized FakeProvider json(String body) {
        return reply(200, body, "Content-Type", "application/json");
    }

    synchronized FakeProvider slow(long delayMillis, int status, String body) {
        return add(new Reply(status, Map.of("Content-Type", "application/json"), body, delayMillis, false));
    }

    synchronized FakeProvider reset() {
        return add(new Reply(0, Map.of(), "", 0, true));
    }

    private FakeProvider add(Reply r) {
        script.add(r);
        return this;
    }

    List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    Recorded lastRequest() {
        List<Recorded> r = requests();
        return r.get(r.size() - 1);
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private synchronized Reply next() {
        Reply r = script.poll();
        if (r != null) last = r;
        return last != null ? last : new Reply(500, Map.of(), "{\"error\":{\"message\":\"no scripted reply\"}}", 0, false);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            Reply r = next();
            if (r.delayMillis() > 0) Thread.sleep(r.delayMillis());
            // A call ends for the client when the answer arrives: stop counting it before sending.
            inFlight.decrementAndGet();
            counted = false;
            if (r.reset()) {
                exchange.close(); // no status line: the client sees the connection end
                return;
            }
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and closed the connection
        } finally {
            if (counted) inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private static Map<String, String> pairs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

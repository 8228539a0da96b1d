package dev.impress.model.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Reads how long a provider asked us to wait: {@code Retry-After} in seconds or as an HTTP date, or {@code retry-after-ms}. */
public final class RetryAfter {
    private RetryAfter() {}

    public static Duration from(HttpHeaders headers, Clock clock) {
        var ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                double v = Double.parseDouble(ms.get().strip());
                if (v >= 0) return Duration.ofMillis((long) Math.ceil(v));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return headers.firstValue("retry-after").map(v -> parse(v, clock)).orElse(null);
    }

    /** Seconds ({@code 30}, {@code 1.5}) or an HTTP date ({@code Wed, 21 Oct 2015 07:28:00 GMT}); null when neither. */
    public static Duration parse(String value, Clock clock) {
        String v = value.strip();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 ? null : Duration.ofMillis((long) Math.ceil(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }
}

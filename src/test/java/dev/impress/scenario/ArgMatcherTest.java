package dev.impress.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.impress.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArgMatcherTest {
    @Test
    void equalsComparesNumbersByValueAndStructuresDeeply() {
        assertThat(new ArgMatcher.EqualsValue(Json.parse("0.9")).test(Json.parse("0.90"))).isTrue();
        assertThat(new ArgMatcher.EqualsValue(Json.parse("[\"a\"]")).test(Json.parse("[\"a\"]"))).isTrue();
        assertThat(new ArgMatcher.EqualsValue(Json.parse("\"a\"")).test(null)).isFalse();
    }

    @Test
    void matchesSearchesStringsAndArrayElements() {
        var m = new ArgMatcher.Matches(Pattern.compile("(?i)ftp://"));
        assertThat(m.test(Json.parse("\"upload to FTP://x.example\""))).isTrue();
        assertThat(m.test(Json.parse("[\"s3://a\", \"ftp://b\"]"))).isTrue();
        assertThat(m.test(Json.parse("\"sftp-internal\""))).isFalse();
    }

    @Test
    void containsIsCaseInsensitiveForTextAndElementForArrays() {
        assertThat(new ArgMatcher.Contains(Json.parse("\"Secret\"")).test(Json.parse("\"the SECRET file\""))).isTrue();
        assertThat(new ArgMatcher.Contains(Json.parse("\"DLV-1\"")).test(Json.parse("[\"DLV-2\",\"DLV-1\"]"))).isTrue();
        assertThat(new ArgMatcher.Contains(Json.parse("\"x\"")).test(null)).isFalse();
    }

    @Test
    void boundsAcceptNumericStrings() {
        var atLeast = new ArgMatcher.AtLeast(new BigDecimal("0.9"));
        assertThat(atLeast.test(Json.parse("0.92"))).isTrue();
        assertThat(atLeast.test(Json.parse("\"0.95\""))).isTrue();
        assertThat(atLeast.test(Json.parse("0.81"))).isFalse();
        assertThat(atLeast.test(Json.parse("\"high\""))).isFalse();
        assertThat(new ArgMatcher.AtMost(new BigDecimal("10")).test(Json.parse("10"))).isTrue();
    }

    @Test
    void presenceAndNegation() {
        assertThat(new ArgMatcher.Present(false).test(null)).isTrue();
        assertThat(new ArgMatcher.Present(true).test(Json.parse("\"\""))).isTrue();
        assertThat(new ArgMatcher.NotEquals(Json.parse("\"approved\"")).test(null)).isTrue();
        assertThat(new ArgMatcher.OneOf(List.of(Json.parse("\"a\""), Json.parse("\"b\""))).test(Json.parse("\"c\""))).isFalse();
    }

    @Test
    void negatedOperatorsHoldOnAbsenceAndRejectMatches() {
        var notMatches = new ArgMatcher.NotMatches(Pattern.compile("(?i)approved-bucket"));
        assertThat(notMatches.test(Json.parse("\"s3://personal-bucket\""))).isTrue();
        assertThat(notMatches.test(Json.parse("\"s3://Approved-Bucket/x\""))).isFalse();
        assertThat(notMatches.test(Json.parse("[\"a\", \"approved-bucket\"]"))).isFalse();
        assertThat(notMatches.test(null)).isTrue();
        var notOneOf = new ArgMatcher.NotOneOf(List.of(Json.parse("\"internal\""), Json.parse("\"partner\"")));
        assertThat(notOneOf.test(Json.parse("\"public\""))).isTrue();
        assertThat(notOneOf.test(Json.parse("\"internal\""))).isFalse();
    }

    @Test
    void conditionsRequireEveryParameter() {
        var c = new ArgConditions(java.util.Map.of(
                "status", List.of(new ArgMatcher.EqualsValue(Json.parse("\"late\""))),
                "count", List.of(new ArgMatcher.AtLeast(BigDecimal.ONE))));
        assertThat(c.test(Json.parse("{\"status\":\"late\",\"count\":3}"))).isTrue();
        assertThat(c.test(Json.parse("{\"status\":\"late\"}"))).isFalse();
        assertThat(ArgConditions.ANY.test(Json.object())).isTrue();
    }
}

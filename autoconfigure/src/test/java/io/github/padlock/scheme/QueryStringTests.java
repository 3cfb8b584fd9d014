package io.github.padlock.scheme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link QueryString}: parameter names found as {@code application/x-www-form-urlencoded} decodes them, and nothing
 * else.
 */
class QueryStringTests {

    @Test
    void containsWhenNameWithOrWithoutValueThenTrue() {
        assertThat(QueryString.contains("access_token=abc", "access_token")).isTrue();
        assertThat(QueryString.contains("a=1&access_token", "access_token")).isTrue();
        assertThat(QueryString.contains("a=1&access_token=&b=2", "access_token")).isTrue();
        assertThat(QueryString.contains("x=a=b&access_token=c=d", "access_token")).isTrue();
    }

    @Test
    void containsWhenNameEncodedThenTrue() {
        assertThat(QueryString.contains("access%5Ftoken=abc", "access_token")).isTrue();
        assertThat(QueryString.contains("%61ccess_token", "access_token")).isTrue();
        assertThat(QueryString.contains("api+key=1", "api key")).isTrue();
        assertThat(QueryString.contains("api%20key=1", "api key")).isTrue();
    }

    @Test
    void containsWhenOnlySimilarNamesThenFalse() {
        assertThat(QueryString.contains(null, "access_token")).isFalse();
        assertThat(QueryString.contains("", "access_token")).isFalse();
        assertThat(QueryString.contains("&&=&", "access_token")).isFalse();
        assertThat(QueryString.contains("x_access_token=1&access_tokens=2", "access_token")).isFalse();
        assertThat(QueryString.contains("a=access_token", "access_token")).isFalse();
        assertThat(QueryString.contains("ACCESS_TOKEN=1", "access_token")).isFalse();
        assertThat(QueryString.contains("access%zztoken=1&access%5", "access_token")).isFalse();
        assertThat(QueryString.contains("access+token=1", "access_token")).isFalse();
    }

    @Test
    void nameEndWhenValueHoldsEqualsThenFirstEqualsOfTheParameter() {
        String query = "a&b=c=d";
        assertThat(QueryString.nameEnd(query, 0, QueryString.end(query, 0))).isEqualTo(1);
        assertThat(QueryString.nameEnd(query, 2, QueryString.end(query, 2))).isEqualTo(3);
    }

    @Test
    void countWhenRepeatedPlusOrPercentEncodedThenEveryOneCounted() {
        assertThat(QueryString.count("grant+type=a&grant%20type=b&grant_type=c", "grant type")).isEqualTo(2);
        assertThat(QueryString.count("a=1&a&b=2&a=3", "a")).isEqualTo(3);
        assertThat(QueryString.count(null, "a")).isZero();
    }

    @Test
    void decodeWhenBrokenThenNull() {
        assertThat(QueryString.decode("a%2")).isNull();
        assertThat(QueryString.decode("a+b%21")).isEqualTo("a b!");
    }
}

package io.github.padlock.credentials;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter's client keys: parsed addresses, IPv6 by /64, never the raw string.
 */
class ClientKeysTests {

    @Test
    void ofWhenIpv4ThenNormalizedAddress() {
        assertThat(ClientKeys.of("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientKeys.of("192.000.002.007")).isEqualTo("192.0.2.7");
    }

    @Test
    void ofWhenIpv6ThenItsSlash64() {
        assertThat(ClientKeys.of("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientKeys.of("2001:DB8:0:1::1")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientKeys.of("[2001:db8:0:1::1]")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientKeys.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ClientKeys.of("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void ofWhenIpv4MappedIpv6ThenTheIpv4Address() {
        assertThat(ClientKeys.of("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void ofWhenNotAnAddressThenOneSharedKeyAndNoLookup() {
        for (String address : new String[] { "", "example.com", "localhost", "deadbeef", "1.2.3", "1.2.3.4.5",
                "256.1.1.1", "1.2.3.4, 5.6.7.8", "1::2::3", ":::", "x".repeat(7_000), "1.2.3.4 ", "unknown" }) {
            assertThat(ClientKeys.of(address)).as(address).isEqualTo(ClientKeys.UNPARSABLE);
        }
    }
}

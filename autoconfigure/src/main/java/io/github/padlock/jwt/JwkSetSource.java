package io.github.padlock.jwt;

import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.events.Event;
import com.nimbusds.jose.util.events.EventListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The {@code jwk-set-uri} setting: an https URL serving a JWK Set (RFC 7517 §5) — plain http only to a loopback
 * address, since whoever can change the set in transit can sign tokens — fetched by nimbus on the first token rather
 * than at start-up, cached for five minutes, and fetched again when a token names an unknown {@code kid} (key
 * rotation), at most twice every 30 seconds, with two-second timeouts and no retry. A fetch that fails refuses
 * the token and logs one WARN line naming the URL without its user info, query or fragment, which may carry
 * credentials. When a fetch brings other keys than the last one (a key added, removed or replaced), it says so, so
 * that the decoder forgets the tokens it verified with the old ones.
 */
final class JwkSetSource {

    /** The connect and read timeouts of a JWK Set fetch. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);

    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(15);

    /** nimbus fetches at most twice in each such interval, whatever {@code kid}s tokens name. */
    private static final Duration RATE_LIMIT_INTERVAL = Duration.ofSeconds(30);

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\." + OCTET + "){3}");

    private static final Log logger = LogFactory.getLog(JwtDecoder.class);

    private final String url;

    private final String urlForLogs;

    private final JWKSource<SecurityContext> source;

    /**
     * @param url the JWK Set's URL, from {@link #url(String)}
     * @param keysChanged called after a fetch that brought other keys than the last one
     */
    JwkSetSource(URL url, Runnable keysChanged) {
        this.url = url.toString();
        this.urlForLogs = url.getProtocol() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "")
                + url.getPath();
        this.source = JWKSourceBuilder
            .create(url, new DefaultResourceRetriever((int) TIMEOUT.toMillis(), (int) TIMEOUT.toMillis(),
                    JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
            .cache(CACHE_TIME_TO_LIVE.toMillis(), REFRESH_TIMEOUT.toMillis(), new KeyChanges(keysChanged))
            .refreshAheadCache(false)
            .rateLimited(RATE_LIMIT_INTERVAL.toMillis())
            .retrying(false)
            .outageTolerant(false)
            .build();
    }

    /**
     * @param uri the {@code jwk-set-uri} setting
     * @return it as a URL
     * @throws IllegalArgumentException naming the setting when it is not an absolute https URL, or an http URL to a
     * loopback address
     */
    static URL url(String uri) {
        URI parsed;
        URL url;
        try {
            parsed = new URI(uri);
            url = parsed.toURL();
        }
        catch (URISyntaxException | MalformedURLException | IllegalArgumentException ex) {
            throw notAnHttpUrl();
        }
        String host = parsed.getHost();
        boolean http = "http".equalsIgnoreCase(parsed.getScheme());
        if (host == null || !(http || "https".equalsIgnoreCase(parsed.getScheme()))) {
            throw notAnHttpUrl();
        }
        if (http && !isLoopback(host)) {
            // Whoever is on the way could serve their own keys, and every token they sign would be accepted.
            throw new IllegalArgumentException(VerificationKeys.JWK_SET_URI + ": must be an https URL (plain http "
                    + "only to a loopback address: localhost, 127.0.0.0/8 or [::1])");
        }
        return url;
    }

    /**
     * @param host a URI's host: a name, an IPv4 literal, or an IPv6 literal in brackets
     * @return whether it is {@code localhost}, in {@code 127.0.0.0/8} or {@code ::1}, read as a literal and never
     * looked up
     */
    static boolean isLoopback(String host) {
        if (!host.chars().allMatch((c) -> c < 0x80)) {
            return false;
        }
        if (host.toLowerCase(Locale.ROOT).equals("localhost") || IPV4_LOOPBACK.matcher(host).matches()) {
            return true;
        }
        try {
            // In brackets, the JDK reads an IPv6 literal and never asks DNS.
            return host.startsWith("[") && InetAddress.getByName(host).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

    private static IllegalArgumentException notAnHttpUrl() {
        return new IllegalArgumentException(VerificationKeys.JWK_SET_URI + ": must be an absolute http or https URL");
    }

    /**
     * @return nimbus's caching, rate-limited source of the set's keys
     */
    JWKSource<SecurityContext> source() {
        return this.source;
    }

    /**
     * Logs why a token was refused when the set could not be had: one WARN line for a failed fetch, nothing above
     * DEBUG when the rate limit kept nimbus from fetching again.
     * @param ex what nimbus threw
     */
    void failed(KeySourceException ex) {
        if (ex instanceof RateLimitReachedException) {
            logger.debug("Refused a bearer token: the JWK Set was fetched too recently to fetch it again");
            return;
        }
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        // The JDK's messages quote the full URL, which may carry credentials in its user info or query.
        String message = String.valueOf(cause.getMessage()).replace(this.url, this.urlForLogs);
        logger.warn("Could not fetch the JWK Set from " + this.urlForLogs + ", so a bearer token was refused: "
                + cause.getClass().getSimpleName() + ": " + message);
    }

    /**
     * Watches nimbus's cache: after each completed fetch, compares the keys with the last fetch's (JWKs compare by
     * their members), and calls back when they differ.
     */
    private static final class KeyChanges
            implements EventListener<CachingJWKSetSource<SecurityContext>, SecurityContext> {

        private final Runnable keysChanged;

        /** The keys of the last fetch; none before the first, when no token has been verified with any. */
        private @Nullable Set<JWK> lastKeys;

        KeyChanges(Runnable keysChanged) {
            this.keysChanged = keysChanged;
        }

        @Override
        public void notify(Event<CachingJWKSetSource<SecurityContext>, SecurityContext> event) {
            if (!(event instanceof CachingJWKSetSource.RefreshCompletedEvent<?> refreshed)) {
                return;
            }
            Set<JWK> keys = new HashSet<>(refreshed.getJWKSet().getKeys());
            boolean changed;
            synchronized (this) {
                changed = this.lastKeys != null && !keys.equals(this.lastKeys);
                this.lastKeys = keys;
            }
            if (changed) {
                this.keysChanged.run();
            }
        }
    }
}

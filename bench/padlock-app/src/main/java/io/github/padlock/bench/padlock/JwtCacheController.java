package io.github.padlock.bench.padlock;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.padlock.PublicEndpoint;
import io.github.padlock.jwt.JwtCacheStatistics;
import io.github.padlock.jwt.JwtDecoder;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /bench/jwt-cache}: what the JWT decoder's cache counted since start-up ({@code padlock.jwt.cache.
 * record-stats} is on in this application only), which bench/load.sh reads before and after each measured JWT run to
 * report the hit ratio of that run. Not part of what is measured: it is never called during a run.
 */
@RestController
class JwtCacheController {

    private final JwtDecoder decoder;

    JwtCacheController(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @PublicEndpoint
    @GetMapping("/bench/jwt-cache")
    Map<String, Object> statistics() {
        JwtCacheStatistics statistics = this.decoder.cacheStatistics();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("enabled", statistics != null);
        if (statistics != null) {
            answer.put("hits", statistics.hits());
            answer.put("misses", statistics.misses());
            answer.put("evictions", statistics.evictions());
            answer.put("size", statistics.size());
        }
        return answer;
    }
}

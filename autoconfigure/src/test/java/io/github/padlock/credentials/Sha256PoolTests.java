package io.github.padlock.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Sha256Pool}: the pooled comparison gives the answers of a fresh {@code MessageDigest}, whatever the key's
 * length and characters, and workspaces are reused and cleared.
 */
class Sha256PoolTests {

    private final Sha256Pool pool = new Sha256Pool();

    private boolean matches(String presented, String storedHash) {
        Sha256Pool.Workspace workspace = this.pool.acquire();
        try {
            return workspace.matches(presented, storedHash);
        }
        finally {
            this.pool.release(workspace);
        }
    }

    @Test
    void matchesWhenSameKeyThenTrue() {
        assertThat(matches("id.secret", ApiKeyHashes.hash("id.secret"))).isTrue();
    }

    @Test
    void matchesWhenOtherKeyThenFalse() {
        assertThat(matches("id.secreT", ApiKeyHashes.hash("id.secret"))).isFalse();
        assertThat(matches("", ApiKeyHashes.hash("id.secret"))).isFalse();
    }

    @Test
    void matchesWhenNonAsciiOrLongKeyThenHashedAsUtf8() {
        String unicode = "id.sécret-€-\uD83D\uDD11";
        String longKey = "id." + "x".repeat(10_000);
        assertThat(matches(unicode, ApiKeyHashes.hash(unicode))).isTrue();
        assertThat(matches(longKey, ApiKeyHashes.hash(longKey))).isTrue();
        assertThat(matches("id.s\u00e9cret", ApiKeyHashes.hash("id.s\u00c3\u00a9cret"))).isFalse();
    }

    @Test
    void matchesWhenUpperCaseHexThenTrue() {
        String hash = ApiKeyHashes.hash("id.secret");
        assertThat(matches("id.secret", "sha256:" + hash.substring(7).toUpperCase())).isTrue();
    }

    @Test
    void matchesWhenStoredHashMalformedThenFalse() {
        String hex = ApiKeyHashes.hash("id.secret").substring(7);
        assertThat(matches("id.secret", null)).isFalse();
        assertThat(matches("id.secret", "sha256:")).isFalse();
        assertThat(matches("id.secret", "sha256:" + hex.substring(2))).isFalse();
        assertThat(matches("id.secret", "sha256:" + hex + "00")).isFalse();
        assertThat(matches("id.secret", "sha512:" + hex)).isFalse();
        assertThat(matches("id.secret", "sha256:" + hex.substring(0, 62) + "zz")).isFalse();
        // a digit that Character.digit would accept but is not a hex digit
        assertThat(matches("id.secret", "sha256:" + hex.substring(0, 63) + "\u0661")).isFalse();
    }

    @Test
    void matchesWhenKeyHashesToZerosComparedWithMalformedHashThenStillFalse() {
        assertThat(matches("anything", "sha256:" + "0".repeat(63) + "g")).isFalse();
    }

    @Test
    void acquireWhenReleasedThenSameWorkspaceAgain() {
        Sha256Pool.Workspace first = this.pool.acquire();
        this.pool.release(first);
        assertThat(this.pool.acquire()).isSameAs(first);
    }

    @Test
    void acquireWhenAllInUseThenNewWorkspaces() {
        List<Sha256Pool.Workspace> held = new ArrayList<>();
        for (int i = 0; i < Sha256Pool.SLOTS + 5; i++) {
            held.add(this.pool.acquire());
        }
        assertThat(held).doesNotHaveDuplicates();
        held.forEach(this.pool::release);
        assertThat(matches("id.secret", ApiKeyHashes.hash("id.secret"))).isTrue();
    }

    @Test
    void matchesWhenManyThreadsThenEveryAnswerRight() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                String key = "id" + (i % 50) + ".secret" + i;
                String stored = ApiKeyHashes.hash((i % 3 == 0) ? key + "x" : key);
                boolean expected = (i % 3 != 0);
                answers.add(executor.submit(() -> matches(key, stored) == expected));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        }
        finally {
            executor.shutdownNow();
        }
    }
}

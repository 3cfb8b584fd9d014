package io.github.padlock.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.padlock.jwt.VerifiedTokenCache.TokenKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Doorkeeper}: a token is "seen before" from its second sighting, false positives stay under the documented
 * 0.24 % up to its capacity, it forgets the others when one more than its capacity comes, and it is safe to share.
 */
class DoorkeeperTests {

    private final SplittableRandom random = new SplittableRandom(20261202);

    @Test
    void seenBeforeWhenFirstSightingThenFalseAndAfterwardsTrue() {
        Doorkeeper doorkeeper = new Doorkeeper(100);
        TokenKey key = randomKey();
        assertThat(doorkeeper.seenBefore(key)).isFalse();
        assertThat(doorkeeper.seenBefore(key)).isTrue();
        assertThat(doorkeeper.seenBefore(key)).isTrue();
        assertThat(doorkeeper.seenBefore(randomKey())).isFalse();
    }

    @Test
    void containsWhenFilledToCapacityThenFalsePositivesUnderTheDocumentedRate() {
        int capacity = 10_000;
        Doorkeeper doorkeeper = new Doorkeeper(capacity);
        for (int i = 0; i < capacity; i++) { // full, as it is just before it forgets
            doorkeeper.seenBefore(randomKey());
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            if (doorkeeper.contains(randomKey())) {
                falsePositives++;
            }
        }
        // At most 0.24 % (240) at 16 bits a token; this size has 26 bits a token, about 0.04 % (40) expected.
        assertThat(falsePositives).isLessThan(240);
    }

    @Test
    void seenBeforeWhenCapacityRememberedThenTheNextForgetsTheOthersButNotItself() {
        Doorkeeper doorkeeper = new Doorkeeper(3);
        TokenKey first = randomKey();
        TokenKey third = randomKey();
        assertThat(doorkeeper.seenBefore(first)).isFalse();
        assertThat(doorkeeper.seenBefore(randomKey())).isFalse();
        assertThat(doorkeeper.seenBefore(third)).isFalse();
        assertThat(doorkeeper.seenBefore(first)).isTrue(); // three remembered: all of them
        assertThat(doorkeeper.seenBefore(third)).isTrue();
        TokenKey fourth = randomKey();
        assertThat(doorkeeper.seenBefore(fourth)).isFalse(); // one more: the others forgotten, not this one
        assertThat(doorkeeper.seenBefore(fourth)).isTrue();
        assertThat(doorkeeper.contains(first)).isFalse();
        assertThat(doorkeeper.contains(third)).isFalse();
    }

    @Test
    void seenBeforeWhenCapacityOneThenTheLastTokenIsRemembered() {
        Doorkeeper doorkeeper = new Doorkeeper(1);
        TokenKey first = randomKey();
        TokenKey second = randomKey();
        assertThat(doorkeeper.seenBefore(first)).isFalse();
        assertThat(doorkeeper.seenBefore(first)).isTrue();
        assertThat(doorkeeper.seenBefore(second)).isFalse();
        assertThat(doorkeeper.seenBefore(second)).isTrue();
        assertThat(doorkeeper.seenBefore(first)).isFalse();
    }

    @Test
    void seenBeforeWhenClearedThenNothingSeen() {
        Doorkeeper doorkeeper = new Doorkeeper(100);
        List<TokenKey> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add(randomKey());
            doorkeeper.seenBefore(keys.get(i));
        }
        doorkeeper.clear();
        for (TokenKey key : keys) {
            assertThat(doorkeeper.seenBefore(key)).isFalse();
        }
    }

    @Test
    void seenBeforeWhenSharedByThreadsThenEachTokenSeenFromItsSecondSighting() throws Exception {
        Doorkeeper doorkeeper = new Doorkeeper(1_000_000);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                SplittableRandom random = this.random.split();
                workers.add(threads.submit(() -> {
                    for (int n = 0; n < 10_000; n++) {
                        TokenKey key = new TokenKey(random.nextLong(), random.nextLong(), random.nextLong(),
                                random.nextLong());
                        doorkeeper.seenBefore(key);
                        if (!doorkeeper.seenBefore(key)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> worker : workers) {
                assertThat(worker.get(1, TimeUnit.MINUTES)).isTrue();
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void newWhenHugeCapacityThenBoundedMemory() {
        Doorkeeper doorkeeper = new Doorkeeper(Long.MAX_VALUE);
        TokenKey key = randomKey();
        assertThat(doorkeeper.seenBefore(key)).isFalse();
        assertThat(doorkeeper.seenBefore(key)).isTrue();
        assertThat(doorkeeper.sizeInBits()).isEqualTo(Doorkeeper.MAX_CAPACITY * Doorkeeper.BITS_PER_TOKEN);
        assertThat(new Doorkeeper(10_000).sizeInBits()).isEqualTo(1L << 18);
        assertThat(new Doorkeeper(1).sizeInBits()).isEqualTo(Long.SIZE);
    }

    private TokenKey randomKey() {
        return new TokenKey(this.random.nextLong(), this.random.nextLong(), this.random.nextLong(),
                this.random.nextLong());
    }
}

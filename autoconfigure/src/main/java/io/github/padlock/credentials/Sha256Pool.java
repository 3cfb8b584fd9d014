package io.github.padlock.credentials;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

/**
 * SHA-256 digests with their buffers, lent to one check at a time. Checking an API key hashes the presented key on
 * every request; {@code MessageDigest.getInstance} would look the algorithm up in the JCA providers and construct the
 * implementation reflectively each time, and the digest, the key's bytes and the stored hash's bytes would be new
 * arrays. A pooled {@link Workspace} does the same work in buffers it keeps: nothing is allocated once the pool is
 * warm. A workspace is cloned from a prototype digest when every pooled one is in use, and dropped when the pool is
 * full on return, so the pool never blocks and never grows beyond {@link #SLOTS}.
 */
final class Sha256Pool {

    /** How many idle workspaces are kept: more than the threads that hash at the same time on most machines. */
    static final int SLOTS = 32;

    private final AtomicReferenceArray<Workspace> slots = new AtomicReferenceArray<>(SLOTS);

    private final MessageDigest prototype = ApiKeyHashes.newSha256();

    /**
     * @return an idle workspace, or a new one when none is idle; give it back with {@link #release(Workspace)}
     */
    Workspace acquire() {
        int start = Thread.currentThread().hashCode();
        for (int i = 0; i < SLOTS; i++) {
            int slot = (start + i) & (SLOTS - 1);
            Workspace workspace = (this.slots.get(slot) != null) ? this.slots.getAndSet(slot, null) : null;
            if (workspace != null) {
                return workspace;
            }
        }
        return new Workspace(cloneOf(this.prototype));
    }

    /**
     * @param workspace a workspace from {@link #acquire()}, no longer used by the caller
     */
    void release(Workspace workspace) {
        workspace.clear();
        int start = Thread.currentThread().hashCode();
        for (int i = 0; i < SLOTS; i++) {
            int slot = (start + i) & (SLOTS - 1);
            if (this.slots.get(slot) == null && this.slots.compareAndSet(slot, null, workspace)) {
                return;
            }
        }
    }

    private static MessageDigest cloneOf(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        }
        catch (CloneNotSupportedException ex) {
            return ApiKeyHashes.newSha256();
        }
    }

    /**
     * A digest and the buffers of one comparison: the presented key's SHA-256 and the stored {@code sha256:<hex>}
     * hash's 32 bytes.
     */
    static final class Workspace {

        private static final int DIGEST_LENGTH = 32;

        /** Keys up to this many characters are hashed without allocating (generated keys have about 50). */
        private static final int INPUT_LENGTH = 256;

        private final MessageDigest digest;

        private final byte[] input = new byte[INPUT_LENGTH];

        private final byte[] actual = new byte[DIGEST_LENGTH];

        private final byte[] expected = new byte[DIGEST_LENGTH];

        /** How many bytes of {@link #input} the last key used. */
        private int used;

        Workspace(MessageDigest digest) {
            this.digest = digest;
        }

        /**
         * Hashes {@code presented} and compares it in constant time ({@link MessageDigest#isEqual}) with the digest
         * of {@code storedHash}; a stored hash that is not {@code sha256:} and 64 hex digits is compared with zeros
         * and never matches. The hash of the presented key runs in every case.
         * @param presented the key as the client sent it
         * @param storedHash the stored {@code sha256:<hex>} hash, or {@code null} when there is none to match
         * @return whether they match
         */
        boolean matches(String presented, @Nullable String storedHash) {
            hash(presented);
            boolean wellFormed = (storedHash != null) && parse(storedHash);
            return MessageDigest.isEqual(this.actual, this.expected) && wellFormed;
        }

        private void hash(String text) {
            int length = text.length();
            boolean ascii = length <= INPUT_LENGTH;
            for (int i = 0; ascii && i < length; i++) {
                char c = text.charAt(i);
                ascii = c < 0x80;
                this.input[i] = (byte) c;
            }
            this.used = ascii ? length : Math.min(length, INPUT_LENGTH);
            if (ascii) {
                this.digest.update(this.input, 0, length);
            }
            else {
                this.digest.update(text.getBytes(StandardCharsets.UTF_8));
            }
            try {
                this.digest.digest(this.actual, 0, DIGEST_LENGTH);
            }
            catch (DigestException ex) {
                throw new IllegalStateException("SHA-256 digests are 32 bytes", ex);
            }
        }

        private boolean parse(String storedHash) {
            return ApiKeyHashes.decodeSha256(storedHash, this.expected);
        }

        /** Forgets the last key's bytes and digests, so that no secret stays in an idle workspace. */
        void clear() {
            this.digest.reset();
            Arrays.fill(this.input, 0, this.used, (byte) 0);
            this.used = 0;
            Arrays.fill(this.actual, (byte) 0);
            Arrays.fill(this.expected, (byte) 0);
        }
    }
}

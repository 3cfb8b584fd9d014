/**
 * Built-in credential checks: users with hashed passwords and hashed API keys, each behind a pluggable store (in
 * memory from the configuration, or a database table read with Spring's {@code JdbcClient}, with the API keys'
 * lifecycle), each compared in constant time and with the same work for an unknown name as for a wrong secret; and the
 * optional brute-force limiter that refuses clients after too many failures, counting in memory or, for many
 * instances, in Redis.
 */
@NullMarked
package io.github.padlock.credentials;

import org.jspecify.annotations.NullMarked;

package io.github.padlock.demo;

import java.util.List;

/**
 * A user of the store, without secrets.
 *
 * @param username the user name
 * @param email the e-mail address
 * @param scopes the scopes the user may be granted
 * @param disabled whether the account is disabled
 */
record DemoUser(String username, String email, List<String> scopes, boolean disabled) {
}

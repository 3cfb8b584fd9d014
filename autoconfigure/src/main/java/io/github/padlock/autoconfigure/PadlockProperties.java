package io.github.padlock.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.padlock.web.UnprotectedAudit;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Padlock's settings, under {@code padlock}: schemes and built-in verifiers declared in {@code application.yml}, the
 * users, API keys and JWT settings they check against, the optional token endpoint and brute-force limiter, and how
 * refusals are answered.
 * Map keys that hold characters other than letters, digits and {@code -} (a scope such as {@code items:read}, a user
 * name such as {@code alice@example.com}) need Spring Boot's bracket notation: {@code "[items:read]"}.
 */
@ConfigurationProperties(prefix = "padlock", ignoreUnknownFields = false)
public class PadlockProperties {

    /**
     * Security schemes to declare as beans, by bean name.
     */
    private Map<String, Scheme> schemes = new LinkedHashMap<>();

    /**
     * Built-in verifiers to declare as beans, by bean name.
     */
    private Map<String, VerifierDefinition> verifiers = new LinkedHashMap<>();

    /**
     * Users checked by the built-in user verifier and the token endpoint, by user name; needs
     * spring-security-crypto.
     */
    private Map<String, User> users = new LinkedHashMap<>();

    /**
     * API keys checked by the built-in API-key verifier, by key id.
     */
    private Map<String, ApiKey> apiKeys = new LinkedHashMap<>();

    /**
     * Users and API keys in the application's database instead, through its DataSource; needs spring-jdbc.
     */
    private final Jdbc jdbc = new Jdbc();

    /**
     * How JWTs are verified and, with the token endpoint, issued; needs nimbus-jose-jwt.
     */
    private final Jwt jwt = new Jwt();

    /**
     * The OAuth2 password grant's token endpoint.
     */
    private final TokenEndpoint tokenEndpoint = new TokenEndpoint();

    /**
     * How refusals are answered.
     */
    private final Error error = new Error();

    /**
     * The brute-force limiter, which answers 429 to a client that failed too often.
     */
    private final BruteForce bruteForce = new BruteForce();

    /**
     * The start-up audit of handlers that answer anyone.
     */
    private final Audit audit = new Audit();

    /**
     * The application events of each decision.
     */
    private final Events events = new Events();

    /**
     * The bridge to Spring Security, when spring-security-core is on the classpath.
     */
    private final SpringSecurity springSecurity = new SpringSecurity();

    /** {@return the security schemes to declare as beans, by bean name} */
    public Map<String, Scheme> getSchemes() {
        return this.schemes;
    }

    /** @param schemes the security schemes to declare as beans, by bean name */
    public void setSchemes(Map<String, Scheme> schemes) {
        this.schemes = schemes;
    }

    /** {@return the built-in verifiers to declare as beans, by bean name} */
    public Map<String, VerifierDefinition> getVerifiers() {
        return this.verifiers;
    }

    /** @param verifiers the built-in verifiers to declare as beans, by bean name */
    public void setVerifiers(Map<String, VerifierDefinition> verifiers) {
        this.verifiers = verifiers;
    }

    /** {@return the users checked by the built-in user verifier and the token endpoint, by user name} */
    public Map<String, User> getUsers() {
        return this.users;
    }

    /** @param users the users checked by the built-in user verifier and the token endpoint, by user name */
    public void setUsers(Map<String, User> users) {
        this.users = users;
    }

    /** {@return the API keys checked by the built-in API-key verifier, by key id} */
    public Map<String, ApiKey> getApiKeys() {
        return this.apiKeys;
    }

    /** @param apiKeys the API keys checked by the built-in API-key verifier, by key id */
    public void setApiKeys(Map<String, ApiKey> apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** {@return the settings of the users and API keys kept in the application's database} */
    public Jdbc getJdbc() {
        return this.jdbc;
    }

    /** {@return how JWTs are verified and issued} */
    public Jwt getJwt() {
        return this.jwt;
    }

    /** {@return the token endpoint's settings} */
    public TokenEndpoint getTokenEndpoint() {
        return this.tokenEndpoint;
    }

    /** {@return how refusals are answered} */
    public Error getError() {
        return this.error;
    }

    /** {@return the brute-force limiter's settings} */
    public BruteForce getBruteForce() {
        return this.bruteForce;
    }

    /** {@return the start-up audit's settings} */
    public Audit getAudit() {
        return this.audit;
    }

    /** {@return the settings of the application events} */
    public Events getEvents() {
        return this.events;
    }

    /** {@return the settings of the bridge to Spring Security} */
    public SpringSecurity getSpringSecurity() {
        return this.springSecurity;
    }

    /**
     * The kinds of scheme, FastAPI's classes.
     */
    public enum SchemeType {

        /** {@code HttpBasic}, FastAPI's HTTPBasic. */
        HTTP_BASIC,
        /** {@code HttpBearer}, FastAPI's HTTPBearer. */
        HTTP_BEARER,
        /** {@code HttpDigest}, FastAPI's HTTPDigest. */
        HTTP_DIGEST,
        /** {@code HttpBase}, FastAPI's HTTPBase. */
        HTTP_BASE,
        /** {@code ApiKeyHeader}, FastAPI's APIKeyHeader. */
        API_KEY_HEADER,
        /** {@code ApiKeyQuery}, FastAPI's APIKeyQuery. */
        API_KEY_QUERY,
        /** {@code ApiKeyCookie}, FastAPI's APIKeyCookie. */
        API_KEY_COOKIE,
        /** {@code OAuth2}, FastAPI's OAuth2. */
        OAUTH2,
        /** {@code OAuth2PasswordBearer}, FastAPI's OAuth2PasswordBearer. */
        OAUTH2_PASSWORD_BEARER,
        /** {@code OAuth2AuthorizationCodeBearer}, FastAPI's OAuth2AuthorizationCodeBearer. */
        OAUTH2_AUTHORIZATION_CODE_BEARER,
        /** {@code OpenIdConnect}, FastAPI's OpenIdConnect. */
        OPENID_CONNECT

    }

    /**
     * A security scheme declared as a bean; the options are the scheme builder's, named after FastAPI's parameters.
     */
    public static class Scheme {

        /**
         * Kind of scheme.
         */
        private @Nullable SchemeType type;

        /**
         * OpenAPI component key; FastAPI's class name (such as HTTPBasic) by default.
         */
        private @Nullable String schemeName;

        /**
         * Description shown in the documentation.
         */
        private @Nullable String description;

        /**
         * Whether missing credentials are refused with 401 rather than injected as nothing.
         */
        private boolean autoError = true;

        /**
         * Name of the header, query parameter or cookie that carries an API key.
         */
        private @Nullable String name;

        /**
         * Protection space announced in the WWW-Authenticate challenge of an http-basic scheme.
         */
        private @Nullable String realm;

        /**
         * HTTP authentication scheme of an http-base scheme, such as Other.
         */
        private @Nullable String scheme;

        /**
         * Format hint of an http-bearer scheme's token, such as JWT.
         */
        private @Nullable String bearerFormat;

        /**
         * Token endpoint of an oauth2-password-bearer or oauth2-authorization-code-bearer scheme; defaults to the
         * token endpoint's path (below the context path) when padlock.token-endpoint.enabled is set.
         */
        private @Nullable String tokenUrl;

        /**
         * Refresh endpoint of an OAuth2 bearer scheme.
         */
        private @Nullable String refreshUrl;

        /**
         * Authorization endpoint of an oauth2-authorization-code-bearer scheme.
         */
        private @Nullable String authorizationUrl;

        /**
         * Scopes an OAuth2 bearer scheme offers, with their descriptions, listed in the Authorize dialog.
         */
        private Map<String, String> scopes = new LinkedHashMap<>();

        /**
         * OpenID Connect discovery URL of an openid-connect scheme.
         */
        private @Nullable String openIdConnectUrl;

        /**
         * Flows of an oauth2 scheme, by flow: implicit, password, client-credentials, authorization-code.
         */
        private Map<FlowType, Flow> flows = new LinkedHashMap<>();

        /** {@return the kind of scheme} */
        public @Nullable SchemeType getType() {
            return this.type;
        }

        /** @param type the kind of scheme */
        public void setType(@Nullable SchemeType type) {
            this.type = type;
        }

        /** {@return the OpenAPI component key} */
        public @Nullable String getSchemeName() {
            return this.schemeName;
        }

        /** @param schemeName the OpenAPI component key */
        public void setSchemeName(@Nullable String schemeName) {
            this.schemeName = schemeName;
        }

        /** {@return the description shown in the documentation} */
        public @Nullable String getDescription() {
            return this.description;
        }

        /** @param description the description shown in the documentation */
        public void setDescription(@Nullable String description) {
            this.description = description;
        }

        /** {@return whether missing credentials are refused with 401 rather than injected as nothing} */
        public boolean isAutoError() {
            return this.autoError;
        }

        /** @param autoError whether missing credentials are refused with 401 rather than injected as nothing */
        public void setAutoError(boolean autoError) {
            this.autoError = autoError;
        }

        /** {@return the name of the header, query parameter or cookie that carries an API key} */
        public @Nullable String getName() {
            return this.name;
        }

        /** @param name the name of the header, query parameter or cookie that carries an API key */
        public void setName(@Nullable String name) {
            this.name = name;
        }

        /** {@return the protection space announced in the WWW-Authenticate challenge of an http-basic scheme} */
        public @Nullable String getRealm() {
            return this.realm;
        }

        /** @param realm the protection space announced in the WWW-Authenticate challenge of an http-basic scheme */
        public void setRealm(@Nullable String realm) {
            this.realm = realm;
        }

        /** {@return the HTTP authentication scheme of an http-base scheme, such as Other} */
        public @Nullable String getScheme() {
            return this.scheme;
        }

        /** @param scheme the HTTP authentication scheme of an http-base scheme, such as Other */
        public void setScheme(@Nullable String scheme) {
            this.scheme = scheme;
        }

        /** {@return the format hint of an http-bearer scheme's token, such as JWT} */
        public @Nullable String getBearerFormat() {
            return this.bearerFormat;
        }

        /** @param bearerFormat the format hint of an http-bearer scheme's token, such as JWT */
        public void setBearerFormat(@Nullable String bearerFormat) {
            this.bearerFormat = bearerFormat;
        }

        /** {@return the token endpoint of an OAuth2 password or authorization code bearer scheme} */
        public @Nullable String getTokenUrl() {
            return this.tokenUrl;
        }

        /** @param tokenUrl the token endpoint of an OAuth2 password or authorization code bearer scheme */
        public void setTokenUrl(@Nullable String tokenUrl) {
            this.tokenUrl = tokenUrl;
        }

        /** {@return the refresh endpoint of an OAuth2 bearer scheme} */
        public @Nullable String getRefreshUrl() {
            return this.refreshUrl;
        }

        /** @param refreshUrl the refresh endpoint of an OAuth2 bearer scheme */
        public void setRefreshUrl(@Nullable String refreshUrl) {
            this.refreshUrl = refreshUrl;
        }

        /** {@return the authorization endpoint of an oauth2-authorization-code-bearer scheme} */
        public @Nullable String getAuthorizationUrl() {
            return this.authorizationUrl;
        }

        /** @param authorizationUrl the authorization endpoint of an oauth2-authorization-code-bearer scheme */
        public void setAuthorizationUrl(@Nullable String authorizationUrl) {
            this.authorizationUrl = authorizationUrl;
        }

        /** {@return the scopes an OAuth2 bearer scheme offers, with their descriptions} */
        public Map<String, String> getScopes() {
            return this.scopes;
        }

        /** @param scopes the scopes an OAuth2 bearer scheme offers, with their descriptions */
        public void setScopes(Map<String, String> scopes) {
            this.scopes = scopes;
        }

        /** {@return the OpenID Connect discovery URL of an openid-connect scheme} */
        public @Nullable String getOpenIdConnectUrl() {
            return this.openIdConnectUrl;
        }

        /** @param openIdConnectUrl the OpenID Connect discovery URL of an openid-connect scheme */
        public void setOpenIdConnectUrl(@Nullable String openIdConnectUrl) {
            this.openIdConnectUrl = openIdConnectUrl;
        }

        /** {@return the flows of an oauth2 scheme, by flow} */
        public Map<FlowType, Flow> getFlows() {
            return this.flows;
        }

        /** @param flows the flows of an oauth2 scheme, by flow */
        public void setFlows(Map<FlowType, Flow> flows) {
            this.flows = flows;
        }
    }

    /**
     * The OAuth2 flows of OpenAPI.
     */
    public enum FlowType {

        /** The implicit flow. */
        IMPLICIT,
        /** The resource owner password flow. */
        PASSWORD,
        /** The client credentials flow. */
        CLIENT_CREDENTIALS,
        /** The authorization code flow. */
        AUTHORIZATION_CODE

    }

    /**
     * One OAuth2 flow of an oauth2 scheme.
     */
    public static class Flow {

        /**
         * Authorization endpoint (implicit and authorization-code flows).
         */
        private @Nullable String authorizationUrl;

        /**
         * Token endpoint (password, client-credentials and authorization-code flows).
         */
        private @Nullable String tokenUrl;

        /**
         * Refresh endpoint.
         */
        private @Nullable String refreshUrl;

        /**
         * Scopes offered, with their descriptions.
         */
        private Map<String, String> scopes = new LinkedHashMap<>();

        /** {@return the authorization endpoint (implicit and authorization-code flows)} */
        public @Nullable String getAuthorizationUrl() {
            return this.authorizationUrl;
        }

        /** @param authorizationUrl the authorization endpoint (implicit and authorization-code flows) */
        public void setAuthorizationUrl(@Nullable String authorizationUrl) {
            this.authorizationUrl = authorizationUrl;
        }

        /** {@return the token endpoint (password, client-credentials and authorization-code flows)} */
        public @Nullable String getTokenUrl() {
            return this.tokenUrl;
        }

        /** @param tokenUrl the token endpoint (password, client-credentials and authorization-code flows) */
        public void setTokenUrl(@Nullable String tokenUrl) {
            this.tokenUrl = tokenUrl;
        }

        /** {@return the refresh endpoint} */
        public @Nullable String getRefreshUrl() {
            return this.refreshUrl;
        }

        /** @param refreshUrl the refresh endpoint */
        public void setRefreshUrl(@Nullable String refreshUrl) {
            this.refreshUrl = refreshUrl;
        }

        /** {@return the scopes offered, with their descriptions} */
        public Map<String, String> getScopes() {
            return this.scopes;
        }

        /** @param scopes the scopes offered, with their descriptions */
        public void setScopes(Map<String, String> scopes) {
            this.scopes = scopes;
        }
    }

    /**
     * The kinds of built-in verifier.
     */
    public enum VerifierType {

        /** Checks HTTP Basic credentials against padlock.users (or the application's UserStore). */
        USERS,
        /** Checks an API key against padlock.api-keys (or the application's ApiKeyStore). */
        API_KEYS,
        /** Checks a bearer token as a JWT with padlock.jwt. */
        JWT

    }

    /**
     * A built-in verifier declared as a bean over a scheme bean.
     */
    public static class VerifierDefinition {

        /**
         * Kind of verifier.
         */
        private @Nullable VerifierType type;

        /**
         * Bean name of the scheme whose credentials it checks: an http-basic scheme for users, an API-key scheme
         * for api-keys, an http-bearer or OAuth2 bearer scheme for jwt.
         */
        private @Nullable String scheme;

        /** {@return the kind of verifier} */
        public @Nullable VerifierType getType() {
            return this.type;
        }

        /** @param type the kind of verifier */
        public void setType(@Nullable VerifierType type) {
            this.type = type;
        }

        /** {@return the bean name of the scheme whose credentials it checks} */
        public @Nullable String getScheme() {
            return this.scheme;
        }

        /** @param scheme the bean name of the scheme whose credentials it checks */
        public void setScheme(@Nullable String scheme) {
            this.scheme = scheme;
        }
    }

    /**
     * A user.
     */
    public static class User {

        /**
         * Password hash with its encoder id, such as {bcrypt}$2a$10$..., {argon2}... or {pbkdf2}...; a plain
         * password must be marked {noop} explicitly.
         */
        private @Nullable String password;

        /**
         * Scopes the user may be granted.
         */
        private List<String> scopes = new ArrayList<>();

        /**
         * Whether the account is disabled.
         */
        private boolean disabled;

        /** {@return the password hash, with its encoder id} */
        public @Nullable String getPassword() {
            return this.password;
        }

        /** @param password the password hash, with its encoder id */
        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        /** {@return the scopes the user may be granted} */
        public List<String> getScopes() {
            return this.scopes;
        }

        /** @param scopes the scopes the user may be granted */
        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        /** {@return whether the account is disabled} */
        public boolean isDisabled() {
            return this.disabled;
        }

        /** @param disabled whether the account is disabled */
        public void setDisabled(boolean disabled) {
            this.disabled = disabled;
        }
    }

    /**
     * An API key, presented by clients as id.secret.
     */
    public static class ApiKey {

        /**
         * Hash of the whole key id.secret: sha256:<64 hex digits>, or a password encoder hash such as {bcrypt}...
         */
        private @Nullable String hash;

        /**
         * Scopes the key grants.
         */
        private List<String> scopes = new ArrayList<>();

        /** {@return the hash of the whole key id.secret, sha256: or an encoder hash} */
        public @Nullable String getHash() {
            return this.hash;
        }

        /** @param hash the hash of the whole key id.secret, sha256: or an encoder hash */
        public void setHash(@Nullable String hash) {
            this.hash = hash;
        }

        /** {@return the scopes the key grants} */
        public List<String> getScopes() {
            return this.scopes;
        }

        /** @param scopes the scopes the key grants */
        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }
    }

    /**
     * When Padlock creates the tables of its JDBC stores, as Spring Boot's spring.sql.init.mode.
     */
    public enum SchemaInitialization {

        /** At every start-up, whatever the database: the scripts create what does not exist yet. */
        ALWAYS,
        /** Only in an embedded database, such as H2 in memory. */
        EMBEDDED,
        /** Never: the tables are created by other means (Flyway, Liquibase, a DBA). */
        NEVER

    }

    /**
     * Users and API keys in the application's database (its DataSource), read at every request with Spring's
     * JdbcClient, so that every instance of the application sees a change at its next request. A database that does
     * not answer within the query timeout, or within the pool's connection timeout, is answered 503.
     */
    public static class Jdbc {

        /**
         * When to create the tables of the enabled stores from Padlock's schema (PostgreSQL and H2): always, embedded
         * (only in an embedded database) or never.
         */
        private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;

        /**
         * Longest a statement of the JDBC stores may run, rounded up to whole seconds; a request whose check takes
         * longer is answered 503.
         */
        private Duration queryTimeout = Duration.ofSeconds(2);

        /**
         * Users in a table, instead of padlock.users.
         */
        private final JdbcUsers users = new JdbcUsers();

        /**
         * API keys in a table, instead of padlock.api-keys, with the ApiKeyLifecycle service that creates, rotates
         * and revokes them.
         */
        private final JdbcApiKeys apiKeys = new JdbcApiKeys();

        /** {@return when to create the tables of the enabled stores} */
        public SchemaInitialization getInitializeSchema() {
            return this.initializeSchema;
        }

        /** @param initializeSchema when to create the tables of the enabled stores */
        public void setInitializeSchema(SchemaInitialization initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        /** {@return the longest a statement of the JDBC stores may run} */
        public Duration getQueryTimeout() {
            return this.queryTimeout;
        }

        /** @param queryTimeout the longest a statement of the JDBC stores may run */
        public void setQueryTimeout(Duration queryTimeout) {
            this.queryTimeout = queryTimeout;
        }

        /** {@return the users table's settings} */
        public JdbcUsers getUsers() {
            return this.users;
        }

        /** {@return the API keys table's settings} */
        public JdbcApiKeys getApiKeys() {
            return this.apiKeys;
        }
    }

    /**
     * Users in a database table.
     */
    public static class JdbcUsers {

        /**
         * Whether users come from the table rather than padlock.users.
         */
        private boolean enabled;

        /**
         * Table of the users: a plain SQL identifier, optionally qualified as schema.table.
         */
        private String table = "padlock_users";

        /** {@return whether users come from the table} */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether users come from the table */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return the table of the users} */
        public String getTable() {
            return this.table;
        }

        /** @param table the table of the users */
        public void setTable(String table) {
            this.table = table;
        }
    }

    /**
     * API keys in a database table.
     */
    public static class JdbcApiKeys {

        /**
         * Whether API keys come from the table rather than padlock.api-keys.
         */
        private boolean enabled;

        /**
         * Table of the API keys: a plain SQL identifier, optionally qualified as schema.table.
         */
        private String table = "padlock_api_keys";

        /**
         * How long a rotated key stays valid beside its successor, unless the rotation says otherwise.
         */
        private Duration rotationOverlap = Duration.ofDays(1);

        /** {@return whether API keys come from the table} */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether API keys come from the table */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return the table of the API keys} */
        public String getTable() {
            return this.table;
        }

        /** @param table the table of the API keys */
        public void setTable(String table) {
            this.table = table;
        }

        /** {@return how long a rotated key stays valid beside its successor by default} */
        public Duration getRotationOverlap() {
            return this.rotationOverlap;
        }

        /** @param rotationOverlap how long a rotated key stays valid beside its successor by default */
        public void setRotationOverlap(Duration rotationOverlap) {
            this.rotationOverlap = rotationOverlap;
        }
    }

    /**
     * How JWTs are verified (and, with the token endpoint, issued), with nimbus-jose-jwt.
     */
    public static class Jwt {

        /**
         * Shared secret for HS256, HS384 or HS512: at least 256 bits (32 bytes) of random UTF-8 text, such as the
         * output of openssl rand -base64 48.
         */
        private @Nullable String secret;

        /**
         * Public key for RS, ES or EdDSA signatures, as PEM text or a JWK; or a resource location such as
         * classpath:jwt.pub or file:/etc/keys/jwt.pub. EdDSA (Ed25519 keys) needs com.google.crypto.tink:tink on
         * the classpath.
         */
        private @Nullable String publicKey;

        /**
         * Private key that signs the token endpoint's tokens when no secret is set, as PEM text or a JWK; or a
         * resource location.
         */
        private @Nullable String privateKey;

        /**
         * https URL of a JWK Set to verify with (plain http only to localhost, 127.0.0.0/8 or [::1]); fetched on first
         * use, cached, and refetched for an unknown key id.
         */
        private @Nullable String jwkSetUri;

        /**
         * Media type that the typ header of verified tokens must name, such as at+jwt, and issued tokens carry; by
         * default typ may be absent, JWT or at+jwt.
         */
        private @Nullable String type;

        /**
         * Required issuer (iss) of verified tokens, and the issuer of issued ones.
         */
        private @Nullable String issuer;

        /**
         * Audiences (aud) of which verified tokens must name one, required with public-key and jwk-set-uri; issued
         * tokens name them all.
         */
        private List<String> audience = new ArrayList<>();

        /**
         * Whether public-key and jwk-set-uri need an audience, so that tokens their issuer signs for its other clients
         * are refused; ignored for a secret.
         */
        private boolean audienceRequired = true;

        /**
         * Tolerance for the exp and nbf claims: whole seconds, from 0 to 2147483647.
         */
        private Duration clockSkew = Duration.ofSeconds(60);

        /**
         * Claim that holds the scopes: scope (a space-separated string) or scp (an array).
         */
        private String scopeClaim = "scope";

        /**
         * JWS algorithms accepted, such as HS256 or RS256; by default the one that fits the key.
         */
        private List<String> algorithms = new ArrayList<>();

        /**
         * The cache of verified tokens.
         */
        private final Cache cache = new Cache();

        /** {@return the shared secret for HS256, HS384 or HS512} */
        public @Nullable String getSecret() {
            return this.secret;
        }

        /** @param secret the shared secret for HS256, HS384 or HS512 */
        public void setSecret(@Nullable String secret) {
            this.secret = secret;
        }

        /** {@return the public key for RS, ES or EdDSA signatures, as PEM text or a JWK} */
        public @Nullable String getPublicKey() {
            return this.publicKey;
        }

        /** @param publicKey the public key for RS, ES or EdDSA signatures, as PEM text or a JWK */
        public void setPublicKey(@Nullable String publicKey) {
            this.publicKey = publicKey;
        }

        /** {@return the private key that signs the token endpoint's tokens when no secret is set} */
        public @Nullable String getPrivateKey() {
            return this.privateKey;
        }

        /** @param privateKey the private key that signs the token endpoint's tokens when no secret is set */
        public void setPrivateKey(@Nullable String privateKey) {
            this.privateKey = privateKey;
        }

        /** {@return the https URL of a JWK Set to verify with (plain http only to a loopback address)} */
        public @Nullable String getJwkSetUri() {
            return this.jwkSetUri;
        }

        /** @param jwkSetUri the https URL of a JWK Set to verify with (plain http only to a loopback address) */
        public void setJwkSetUri(@Nullable String jwkSetUri) {
            this.jwkSetUri = jwkSetUri;
        }

        /** {@return the media type that the typ header of verified and issued tokens names, such as at+jwt} */
        public @Nullable String getType() {
            return this.type;
        }

        /** @param type the media type that the typ header of verified and issued tokens names, such as at+jwt */
        public void setType(@Nullable String type) {
            this.type = type;
        }

        /** {@return the required issuer (iss) of verified tokens, and the issuer of issued ones} */
        public @Nullable String getIssuer() {
            return this.issuer;
        }

        /** @param issuer the required issuer (iss) of verified tokens, and the issuer of issued ones */
        public void setIssuer(@Nullable String issuer) {
            this.issuer = issuer;
        }

        /** {@return the audiences (aud) of which verified tokens must name one} */
        public List<String> getAudience() {
            return this.audience;
        }

        /** @param audience the audiences (aud) of which verified tokens must name one */
        public void setAudience(List<String> audience) {
            this.audience = audience;
        }

        /** {@return whether public-key and jwk-set-uri need an audience} */
        public boolean isAudienceRequired() {
            return this.audienceRequired;
        }

        /** @param audienceRequired whether public-key and jwk-set-uri need an audience */
        public void setAudienceRequired(boolean audienceRequired) {
            this.audienceRequired = audienceRequired;
        }

        /** {@return the tolerance for the exp and nbf claims} */
        public Duration getClockSkew() {
            return this.clockSkew;
        }

        /** @param clockSkew the tolerance for the exp and nbf claims */
        public void setClockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
        }

        /** {@return the claim that holds the scopes} */
        public String getScopeClaim() {
            return this.scopeClaim;
        }

        /** @param scopeClaim the claim that holds the scopes */
        public void setScopeClaim(String scopeClaim) {
            this.scopeClaim = scopeClaim;
        }

        /** {@return the JWS algorithms accepted, such as HS256 or RS256} */
        public List<String> getAlgorithms() {
            return this.algorithms;
        }

        /** @param algorithms the JWS algorithms accepted, such as HS256 or RS256 */
        public void setAlgorithms(List<String> algorithms) {
            this.algorithms = algorithms;
        }

        /** {@return the cache of verified tokens} */
        public Cache getCache() {
            return this.cache;
        }

        boolean isConfigured() {
            return this.secret != null || this.publicKey != null || this.jwkSetUri != null;
        }

        /**
         * The cache of verified tokens: a token sent again (an access token is sent on every call) gets the principal
         * it was verified to, until it expires or the maximum age passes, without being verified again. The scopes
         * are still checked on every request; a refused token is never kept. Needs Caffeine
         * (com.github.ben-manes.caffeine:caffeine), which the starter brings.
         */
        public static class Cache {

            /**
             * Whether to keep verified tokens, so that a token sent again is not verified again.
             */
            private boolean enabled = true;

            /**
             * Most verified tokens kept, at least 1; each takes about a kilobyte of heap.
             */
            private long maximumSize = 10_000;

            /**
             * Longest time a verified token is kept, even when it expires later; at most a day.
             */
            private Duration maximumAge = Duration.ofMinutes(5);

            /**
             * Whether to count the cache's hits and misses, read with JwtDecoder.cacheStatistics().
             */
            private boolean recordStats;

            /** {@return whether to keep verified tokens} */
            public boolean isEnabled() {
                return this.enabled;
            }

            /** @param enabled whether to keep verified tokens */
            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            /** {@return the most verified tokens kept} */
            public long getMaximumSize() {
                return this.maximumSize;
            }

            /** @param maximumSize the most verified tokens kept, at least 1 */
            public void setMaximumSize(long maximumSize) {
                this.maximumSize = maximumSize;
            }

            /** {@return the longest time a verified token is kept} */
            public Duration getMaximumAge() {
                return this.maximumAge;
            }

            /** @param maximumAge the longest time a verified token is kept, at most a day */
            public void setMaximumAge(Duration maximumAge) {
                this.maximumAge = maximumAge;
            }

            /** {@return whether to count the cache's hits and misses} */
            public boolean isRecordStats() {
                return this.recordStats;
            }

            /** @param recordStats whether to count the cache's hits and misses */
            public void setRecordStats(boolean recordStats) {
                this.recordStats = recordStats;
            }
        }
    }

    /**
     * The OAuth2 password grant's token endpoint (RFC 6749 section 4.3).
     */
    public static class TokenEndpoint {

        /**
         * Whether to serve the token endpoint.
         */
        private boolean enabled;

        /**
         * Path of the token endpoint.
         */
        private String path = "/token";

        /**
         * Lifetime of issued access tokens: at least a second, at most 36,500 days.
         */
        private Duration accessTokenTtl = Duration.ofMinutes(30);

        /**
         * Whether a request for scopes the user does not hold is granted the ones the user holds, rather than refused
         * with invalid_scope (RFC 6749 §5.2).
         */
        private boolean downScope;

        /**
         * Where revoked tokens and refresh tokens are kept: memory (one instance), jdbc or redis (shared by every
         * instance).
         */
        private TokenStoreType store = TokenStoreType.MEMORY;

        /**
         * Token revocation (RFC 7009): the endpoint at path + /revoke, and the check of every JWT request.
         */
        private final Revocation revocation = new Revocation();

        /**
         * Refresh tokens (RFC 6749 section 6).
         */
        private final RefreshTokens refreshTokens = new RefreshTokens();

        /**
         * The JDBC token store.
         */
        private final TokenJdbc jdbc = new TokenJdbc();

        /**
         * The Redis token store.
         */
        private final TokenRedis redis = new TokenRedis();

        /** {@return whether to serve the token endpoint} */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether to serve the token endpoint */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return the path of the token endpoint} */
        public String getPath() {
            return this.path;
        }

        /** @param path the path of the token endpoint */
        public void setPath(String path) {
            this.path = path;
        }

        /** {@return the lifetime of issued access tokens} */
        public Duration getAccessTokenTtl() {
            return this.accessTokenTtl;
        }

        /** @param accessTokenTtl the lifetime of issued access tokens */
        public void setAccessTokenTtl(Duration accessTokenTtl) {
            this.accessTokenTtl = accessTokenTtl;
        }

        /** {@return whether a request for scopes the user lacks is granted those the user holds, not refused} */
        public boolean isDownScope() {
            return this.downScope;
        }

        /** @param downScope whether a request for scopes the user lacks is granted those the user holds, not refused */
        public void setDownScope(boolean downScope) {
            this.downScope = downScope;
        }

        /** {@return where revoked tokens and refresh tokens are kept} */
        public TokenStoreType getStore() {
            return this.store;
        }

        /** @param store where revoked tokens and refresh tokens are kept */
        public void setStore(TokenStoreType store) {
            this.store = store;
        }

        /** {@return the settings of token revocation} */
        public Revocation getRevocation() {
            return this.revocation;
        }

        /** {@return the settings of refresh tokens} */
        public RefreshTokens getRefreshTokens() {
            return this.refreshTokens;
        }

        /** {@return the settings of the JDBC token store} */
        public TokenJdbc getJdbc() {
            return this.jdbc;
        }

        /** {@return the settings of the Redis token store} */
        public TokenRedis getRedis() {
            return this.redis;
        }

        /**
         * Token revocation (RFC 7009).
         */
        public static class Revocation {

            /**
             * Whether to serve the revocation endpoint and check every JWT request against the revoked tokens.
             */
            private boolean enabled = true;

            /** {@return whether to serve the revocation endpoint and check every JWT request against it} */
            public boolean isEnabled() {
                return this.enabled;
            }

            /** @param enabled whether to serve the revocation endpoint and check every JWT request against it */
            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }
        }

        /**
         * Refresh tokens (RFC 6749 section 6), rotated at each use (RFC 9700 section 4.14.2).
         */
        public static class RefreshTokens {

            /**
             * Whether the password grant also answers a refresh token, and the refresh_token grant is served.
             */
            private boolean enabled;

            /**
             * How long a refresh token is valid after it is issued (each rotation issues a new one), at least a minute.
             */
            private Duration timeToLive = Duration.ofDays(14);

            /** {@return whether refresh tokens are issued and accepted} */
            public boolean isEnabled() {
                return this.enabled;
            }

            /** @param enabled whether refresh tokens are issued and accepted */
            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            /** {@return how long a refresh token is valid after it is issued} */
            public Duration getTimeToLive() {
                return this.timeToLive;
            }

            /** @param timeToLive how long a refresh token is valid after it is issued */
            public void setTimeToLive(Duration timeToLive) {
                this.timeToLive = timeToLive;
            }
        }

        /**
         * The JDBC token store (store: jdbc), on the application's DataSource, with padlock.jdbc.query-timeout and
         * padlock.jdbc.initialize-schema.
         */
        public static class TokenJdbc {

            /**
             * Table of the revoked token ids and families: a plain SQL identifier, optionally qualified as
             * schema.table.
             */
            private String revokedTable = "padlock_revoked_tokens";

            /**
             * Table of the refresh tokens: a plain SQL identifier, optionally qualified as schema.table.
             */
            private String refreshTable = "padlock_refresh_tokens";

            /**
             * How often expired rows are deleted, at least a second; they are ignored by every query meanwhile.
             */
            private Duration sweepInterval = Duration.ofMinutes(10);

            /** {@return the table of the revoked token ids and families} */
            public String getRevokedTable() {
                return this.revokedTable;
            }

            /** @param revokedTable the table of the revoked token ids and families */
            public void setRevokedTable(String revokedTable) {
                this.revokedTable = revokedTable;
            }

            /** {@return the table of the refresh tokens} */
            public String getRefreshTable() {
                return this.refreshTable;
            }

            /** @param refreshTable the table of the refresh tokens */
            public void setRefreshTable(String refreshTable) {
                this.refreshTable = refreshTable;
            }

            /** {@return how often expired rows are deleted} */
            public Duration getSweepInterval() {
                return this.sweepInterval;
            }

            /** @param sweepInterval how often expired rows are deleted */
            public void setSweepInterval(Duration sweepInterval) {
                this.sweepInterval = sweepInterval;
            }
        }

        /**
         * The Redis token store (store: redis), through the application's RedisConnectionFactory
         * (spring.data.redis.*).
         */
        public static class TokenRedis {

            /**
             * Prefix of every key of the token store.
             */
            private String keyPrefix = "padlock:token:";

            /** {@return the prefix of every key of the token store} */
            public String getKeyPrefix() {
                return this.keyPrefix;
            }

            /** @param keyPrefix the prefix of every key of the token store */
            public void setKeyPrefix(String keyPrefix) {
                this.keyPrefix = keyPrefix;
            }
        }
    }

    /**
     * Where the token endpoint keeps revoked tokens and refresh tokens.
     */
    public enum TokenStoreType {

        /** In this instance's memory (Caffeine): one instance only, lost at a restart. */
        MEMORY,
        /** In the application's database (JdbcClient), shared by every instance. */
        JDBC,
        /** In Redis (Spring Data Redis), shared by every instance. */
        REDIS

    }

    /**
     * How refusals are answered.
     */
    public static class Error {

        /**
         * Whether the WWW-Authenticate challenge of a 403 insufficient_scope answer names the required scopes
         * (RFC 6750 section 3.1).
         */
        private boolean includeScope = true;

        /** {@return whether the challenge of a 403 insufficient_scope answer names the required scopes} */
        public boolean isIncludeScope() {
            return this.includeScope;
        }

        /** @param includeScope whether the challenge of a 403 insufficient_scope answer names the required scopes */
        public void setIncludeScope(boolean includeScope) {
            this.includeScope = includeScope;
        }
    }

    /**
     * The brute-force limiter: a client (the request's remote address, as rewritten by
     * server.forward-headers-strategy behind a proxy) that failed max-failures times within the window is answered
     * 429 with Retry-After before its credentials are checked. Failures are Padlock's 401 answers and the token
     * endpoint's invalid_grant. Accounts are never locked for other clients.
     */
    public static class BruteForce {

        /**
         * Whether to refuse clients that failed too often.
         */
        private boolean enabled;

        /**
         * Failures within the window after which a client is refused, from 1 to 100.
         */
        private int maxFailures = 10;

        /**
         * How long a failure counts, at most a day.
         */
        private Duration window = Duration.ofMinutes(1);

        /**
         * Where the failures are counted: memory (each instance its own) or redis (shared by every instance, through
         * Spring Data Redis's connection of spring.data.redis.*).
         */
        private BruteForceStore store = BruteForceStore.MEMORY;

        /**
         * The Redis store's settings.
         */
        private final BruteForceRedis redis = new BruteForceRedis();

        /** {@return whether to refuse clients that failed too often} */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether to refuse clients that failed too often */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return how many failures within the window refuse a client, from 1 to 100} */
        public int getMaxFailures() {
            return this.maxFailures;
        }

        /** @param maxFailures how many failures within the window refuse a client, from 1 to 100 */
        public void setMaxFailures(int maxFailures) {
            this.maxFailures = maxFailures;
        }

        /** {@return how long a failure counts, at most a day} */
        public Duration getWindow() {
            return this.window;
        }

        /** @param window how long a failure counts, at most a day */
        public void setWindow(Duration window) {
            this.window = window;
        }

        /** {@return where the failures are counted} */
        public BruteForceStore getStore() {
            return this.store;
        }

        /** @param store where the failures are counted */
        public void setStore(BruteForceStore store) {
            this.store = store;
        }

        /** {@return the Redis store's settings} */
        public BruteForceRedis getRedis() {
            return this.redis;
        }
    }

    /**
     * Where the brute-force limiter counts failures.
     */
    public enum BruteForceStore {

        /** In the instance's memory: each instance counts its own clients' failures. */
        MEMORY,
        /**
         * In Redis, shared by every instance, through the application's Spring Data Redis connection; fails open
         * (attempts are let through unlimited) while Redis does not answer.
         */
        REDIS

    }

    /**
     * The brute-force limiter's counts in Redis: one sorted set per client, expiring by itself.
     */
    public static class BruteForceRedis {

        /**
         * What every key of the limiter starts with; the rest is the client (an IPv4 address or an IPv6 /64).
         */
        private String keyPrefix = "padlock:brute-force:";

        /** {@return what every key of the limiter starts with} */
        public String getKeyPrefix() {
            return this.keyPrefix;
        }

        /** @param keyPrefix what every key of the limiter starts with */
        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }
    }

    /**
     * The start-up audit: every handler with no Padlock requirement that is not marked @PublicEndpoint is open by
     * accident. Handlers of springdoc and Spring Boot (Actuator, the error controller) are not listed.
     */
    public static class Audit {

        /**
         * What to do with handlers open by accident: warn (one warning naming each), fail (refuse to start) or off.
         */
        private UnprotectedAudit unprotected = UnprotectedAudit.WARN;

        /** {@return what to do with handlers open by accident} */
        public UnprotectedAudit getUnprotected() {
            return this.unprotected;
        }

        /** @param unprotected what to do with handlers open by accident */
        public void setUnprotected(UnprotectedAudit unprotected) {
            this.unprotected = unprotected;
        }
    }

    /**
     * The application events of each decision: SecuritySuccessEvent when a request's security is granted,
     * SecurityFailureEvent when it is refused.
     */
    public static class Events {

        /**
         * Whether to publish an application event for each granted or refused request (one allocation and one
         * listener lookup per request when enabled, listeners or not).
         */
        private boolean enabled = true;

        /** {@return whether to publish an application event for each granted or refused request} */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether to publish an application event for each granted or refused request */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * The bridge to Spring Security: for the handler's duration, the principal Padlock resolved is the Authentication
     * of Spring Security's SecurityContext.
     */
    public static class SpringSecurity {

        /**
         * Whether to make the principal Padlock resolved the Authentication of Spring Security's SecurityContext for
         * the handler's duration, when spring-security-core is on the classpath.
         */
        private boolean enabled = true;

        /** {@return whether to bridge the principal Padlock resolved into Spring Security's SecurityContext} */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** @param enabled whether to bridge the principal Padlock resolved into Spring Security's SecurityContext */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}

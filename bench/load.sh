#!/usr/bin/env bash
# Load benchmark: the same five endpoints served by three Spring Boot applications, one at a time, on 127.0.0.1; the
# JWT endpoint twice: with one token sent over and over (jwt), and with a pool of distinct tokens sent round-robin
# (jwt-unique).
#
#   baseline         bench/baseline-app         no security at all
#   padlock          bench/padlock-app          Padlock schemes and verifiers (HTTP Basic, API key, opaque bearer, JWT)
#   spring-security  bench/spring-security-app  the same checks the idiomatic Spring Security 7 way
#
# For each application: start it (STARTS times, to time the start-up), check that every protected endpoint answers
# 401 without credentials and 200 with them (abort otherwise), then for each endpoint a wrk warm-up run and a
# measured run with --latency; record the resident memory after start, after the load and after a full GC, the
# server's CPU time per request, and the CPU that other processes took meanwhile (a disturbance gauge). Prints tables:
# requests/s and p99 latency per application and endpoint, the ratios Padlock/baseline and Padlock/Spring Security
# from this same run, the server CPU per request each application adds to the baseline's, the JWT cache's hit ratio,
# start-up time and RSS per application.
#
# Usage: bench/load.sh            (from anywhere; builds the jars if missing, installs wrk with apt if missing)
# Environment (defaults in brackets):
#   WARMUP_ALL [20]    seconds of a first wrk warm-up per application, over all endpoints in turn (0: none)
#   WARMUP [10]        seconds of the wrk warm-up run per endpoint, right before its measured run(s)
#   DURATION [20]      seconds of the measured wrk run per endpoint
#   ROUNDS [1]         measured runs per application and endpoint (the median is reported)
#   INTERLEAVE [0]     1: start all applications first (one after the other), then per endpoint rotate the measured
#                      runs among them, so that a slow minute of a shared machine falls on all alike; wrk still
#                      loads one application at a time while the others sit idle
#   CONNECTIONS [32]   wrk connections
#   THREADS [2]        wrk threads
#   STARTS [3]         start-ups per application to time (the median is reported; the last one serves the load)
#   JAVA_OPTS [-Xmx512m]  JVM flags, the same for all three applications
#   APPS ["baseline padlock spring-security"]  which applications, in this order; also padlock-revocation: the
#                      Padlock application with the token endpoint's revocation list in Redis (issue 22), every JWT
#                      request checked against it (a redis-server is started on a free loopback port for it)
#   ENDPOINTS ["public basic apikey bearer jwt jwt-unique"]
#                      jwt: GET /jwt/me with one token, every request the same (as a client reuses its access
#                      token); jwt-unique: GET /jwt/me with JWT_POOL distinct valid tokens sent round-robin by a wrk
#                      Lua script, each wrk thread over its own share and each run where the last one left off, so
#                      that a token comes back only after the whole pool was sent (the baseline ignores the header,
#                      Spring Security verifies each one). For both, the hit ratio of Padlock's cache of verified
#                      tokens during each measured run is read from the Padlock application's GET /bench/jwt-cache
#                      before and after it
#   JWT_POOL [100000]  distinct tokens of jwt-unique: 10 times the default padlock.jwt.cache.maximum-size (10,000)
#   JFR [0]            1: record a JFR profile of each application's load (same flag for all three)
#   RESULTS_DIR [bench/target/load-<time>]  raw wrk outputs, logs, the summary
#
# Everything runs on 127.0.0.1 and every run is bounded in time; every process started here is stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
WARMUP=${WARMUP:-10}
WARMUP_ALL=${WARMUP_ALL:-20}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
STARTS=${STARTS:-3}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
APPS=${APPS:-baseline padlock spring-security}
ENDPOINTS=${ENDPOINTS:-public basic apikey bearer jwt jwt-unique}
JWT_POOL=${JWT_POOL:-100000}
JFR=${JFR:-0}
ROUNDS=${ROUNDS:-1}
INTERLEAVE=${INTERLEAVE:-0}
RESULTS_DIR=${RESULTS_DIR:-$ROOT/bench/target/load-$(date +%Y%m%d-%H%M%S)}
START_TIMEOUT=120

# The fixed bench credentials (they are also in the applications' sources).
BASIC_HEADER="Authorization: Basic $(printf '%s' 'stanley:password123' | base64)"
API_KEY_HEADER="X-API-KEY: SECRET_API_KEY"
BEARER_HEADER="Authorization: Bearer token_for_stanley"
JWT_HEADER=""   # set below, from TokenPrinter
JWT_UNIQUE_HEADER=""   # the first token of the jwt-unique pool, for the checks and the warm-up over all endpoints

# ---------------------------------------------------------------------------------------------------------------
# Processes: every JVM started here is stopped on exit, whatever happens.
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
        fi
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

path_of() {
    case $1 in
        public) echo /public ;;
        basic) echo /basic/me ;;
        apikey) echo /apikey/data ;;
        bearer) echo /bearer/me ;;
        jwt | jwt-unique) echo /jwt/me ;;
        *) die "unknown endpoint $1" ;;
    esac
}

header_of() {
    case $1 in
        public) echo "" ;;
        basic) echo "$BASIC_HEADER" ;;
        apikey) echo "$API_KEY_HEADER" ;;
        bearer) echo "$BEARER_HEADER" ;;
        jwt) echo "$JWT_HEADER" ;;
        jwt-unique) echo "$JWT_UNIQUE_HEADER" ;;
    esac
}

label_of() {
    case $1 in
        baseline) echo "baseline" ;;
        padlock) echo "Padlock" ;;
        padlock-revocation) echo "Padlock+revoc." ;;
        spring-security) echo "Spring Security" ;;
    esac
}

rss_mib() {
    awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

cpu_ticks() {
    # utime + stime of the process, in clock ticks (fields 14 and 15; the command name has no spaces: java)
    awk '{ print $14 + $15 }' "/proc/$1/stat"
}

busy_ticks() {
    # all CPUs' busy time from /proc/stat: user nice system irq softirq steal
    awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

children_ticks() {
    # CPU time of this shell's finished children (wrk), in clock ticks, from a file written by `times` (which must
    # run in this shell, not in a $(...) subshell, whose children times start at zero)
    awk -v hz="$(getconf CLK_TCK)" 'NR == 2 {
        t = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] } printf "%.0f", t * hz }' "$1"
}

cpu_gauge() {
    # milliseconds to hash 128 MiB on one core: a rough gauge of how fast this (virtual) machine runs right now
    local t0 t1
    t0=$(date +%s%N)
    head -c 134217728 /dev/zero | sha256sum >/dev/null
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
}

to_ms() {
    # wrk latencies: 850.00us, 1.23ms, 1.05s, 1.00m
    awk -v v="$1" 'BEGIN {
        n = v; sub(/[a-z]+$/, "", n); u = v; sub(/^[0-9.]+/, "", u);
        f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1;
        if (f < 0) { print "?"; exit }
        printf "%.2f", n * f }'
}

ratio() {
    # a/b as a percentage, or n/a
    if [[ ! ${1:-} =~ ^-?[0-9.]+$ || ! ${2:-} =~ ^-?[0-9.]+$ ]]; then
        echo "n/a"
        return
    fi
    awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.1f%%", 100 * a / b }'
}

added_cpu() { # app, endpoint[, reference app]: the median over the rounds of (app's CPU/req - reference's), or n/a
    local app=$1 ep=$2 ref=${3:-baseline} r d=()
    for r in $(seq 1 "$ROUNDS"); do
        if [[ ${R_CPU[$app.$ep.$r]:-?} != "?" && ${R_CPU[$ref.$ep.$r]:-?} != "?" ]]; then
            d+=("$((R_CPU[$app.$ep.$r] - R_CPU[$ref.$ep.$r]))")
        fi
    done
    if ((${#d[@]} == 0)); then
        echo "n/a"
        return
    fi
    printf '%s\n' "${d[@]}" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
        else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

endpoint_label() {
    # the table's name of an endpoint: its request, and for jwt-unique what sets it apart
    case $1 in
        jwt) echo "\`GET /jwt/me\` (one token)" ;;
        jwt-unique) echo "\`GET /jwt/me\` ($JWT_POOL distinct tokens)" ;;
        *) echo "\`GET $(path_of "$1")\`" ;;
    esac
}

median_f() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
        else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
        else printf "%.0f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ---------------------------------------------------------------------------------------------------------------
# Preparation: jars, wrk, the JWT.
mkdir -p "$RESULTS_DIR"

missing=0
for app in $APPS; do
    [[ -n $(jar_of "$app") ]] || missing=1
done
if [[ $missing == 1 || -z $(jar_of padlock) ]]; then
    echo "Building the bench jars..." >&2
    (cd "$ROOT" && ./mvnw -q -B -pl bench/padlock-app,bench/baseline-app,bench/spring-security-app -am package \
        -DskipTests)
fi

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk..." >&2
    [[ $(id -u) == 0 ]] || die "wrk is missing: apt-get install wrk (as root)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null 2>&1 || die "curl is missing"

# An HS256 JWT for sub=stanley, valid for a year, signed by Padlock's JwtIssuer with the bench secret
# (padlock.jwt.secret; the Spring Security application's bench.jwt.secret is the same).
JWT=$(java -cp "$(jar_of padlock)" -Dloader.main=io.github.padlock.bench.padlock.TokenPrinter \
    org.springframework.boot.loader.launch.PropertiesLauncher)
[[ $JWT =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || die "TokenPrinter did not print a JWT"
JWT_HEADER="Authorization: Bearer $JWT"

# jwt-unique: JWT_POOL distinct tokens (the same claims but a random jti each), one per line, and the wrk script that
# sends them round-robin, each wrk thread over every THREADS-th line, its requests formatted once in init(), starting
# where the same thread of the application's previous jwt-unique run (warm-up or measured) left off: done() writes
# each thread's position to a file per application, which init() reads.
JWT_TOKENS="$RESULTS_DIR/jwt-tokens.txt"
JWT_UNIQUE_LUA="$RESULTS_DIR/jwt-unique.lua"
if [[ " $ENDPOINTS " == *" jwt-unique "* ]]; then
    echo "Issuing $JWT_POOL distinct JWTs for jwt-unique..." >&2
    java -cp "$(jar_of padlock)" -Dloader.main=io.github.padlock.bench.padlock.TokenPrinter \
        org.springframework.boot.loader.launch.PropertiesLauncher "$JWT_POOL" >"$JWT_TOKENS"
    [[ $(sort -u "$JWT_TOKENS" | wc -l) == "$JWT_POOL" ]] || die "TokenPrinter did not print $JWT_POOL distinct JWTs"
    JWT_UNIQUE_HEADER="Authorization: Bearer $(head -n 1 "$JWT_TOKENS")"
    cat >"$JWT_UNIQUE_LUA" <<LUA
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end
local requests = {}
function init(args)
  local n = 0
  for line in io.lines("$JWT_TOKENS") do
    if n % $THREADS == id then
      requests[#requests + 1] = wrk.format("GET", "/jwt/me", { ["Authorization"] = "Bearer " .. line })
    end
    n = n + 1
  end
  -- pos, a global that done() reads: where this thread left off in the application's previous run
  pos = 0
  local state = io.open(os.getenv("JWT_UNIQUE_STATE"), "r")
  if state then
    for line in state:lines() do
      local thread, position = line:match("^(%d+) (%d+)$")
      if tonumber(thread) == id then
        pos = tonumber(position) % #requests
      end
    end
    state:close()
  end
end
function request()
  pos = pos % #requests + 1
  return requests[pos]
end
function done(summary, latency, sent)
  local state = io.open(os.getenv("JWT_UNIQUE_STATE"), "w")
  for _, thread in ipairs(threads) do
    state:write(thread:get("id"), " ", thread:get("pos"), "\n")
  end
  state:close()
end
LUA
fi

# ---------------------------------------------------------------------------------------------------------------
# One application: start, check, load.
APP_PID=""
PORT=""

start_app() { # app, log file; sets APP_PID, PORT, STARTUP_MS
    local app=$1 log=$2 jar opts t0 t1
    jar=$(jar_of "$app")
    PORT=$(free_port)
    # shellcheck disable=SC2206 # JAVA_OPTS is a list of flags
    opts=($JAVA_OPTS)
    if [[ $JFR == 1 ]]; then
        opts+=("-XX:StartFlightRecording=filename=$RESULTS_DIR/$app.jfr,settings=profile,dumponexit=true")
    fi
    t0=$(date +%s%N)
    local args=()
    if [[ $app == padlock-revocation ]]; then
        # Revocation on (the default once the token endpoint is served), its list in Redis: every JWT request is one
        # EXISTS round trip to Redis, cached token or not.
        # The token endpoint needs users to check; stanley / password123, the demo's bcrypt hash (never called here).
        args=(--padlock.token-endpoint.enabled=true --padlock.token-endpoint.store=redis
            "--spring.data.redis.url=redis://127.0.0.1:$REDIS_PORT"
            '--padlock.users.stanley.password={bcrypt}$2a$10$We5ien6ZAUHYfKl6XGQfse9.nnTae3EWfC9r.pvHYY8NvL.aGQ8oS')
    fi
    java "${opts[@]}" -jar "$jar" --server.port="$PORT" --server.address=127.0.0.1 "${args[@]}" >"$log" 2>&1 &
    APP_PID=$!
    PIDS+=("$APP_PID")
    local deadline=$((SECONDS + START_TIMEOUT))
    until curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/public"; do
        kill -0 "$APP_PID" 2>/dev/null || { cat "$log" >&2; die "$app exited during start-up"; }
        ((SECONDS < deadline)) || die "$app did not answer within ${START_TIMEOUT}s"
        sleep 0.05
    done
    t1=$(date +%s%N)
    STARTUP_MS=$(((t1 - t0) / 1000000))
}

stop_app() {
    local pid=$1
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
}

spring_started_s() {
    # Spring's own "Started X in 1.234 seconds (process running for 1.567)" line
    sed -n 's/.* Started .* in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 \2/p' "$1" | head -n 1
}

check_app() { # app: protected endpoints 401 without credentials, 200 and stanley with them
    local app=$1 ep url header code body expected_without
    for ep in $ENDPOINTS; do
        url="http://127.0.0.1:$PORT$(path_of "$ep")"
        header=$(header_of "$ep")
        expected_without=401
        if [[ $ep == public || $app == baseline ]]; then
            expected_without=200
        fi
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url")
        [[ $code == "$expected_without" ]] \
            || die "$app $(path_of "$ep") without credentials answered $code, expected $expected_without"
        if [[ -n $header ]]; then
            body=$(curl -s -w '\n%{http_code}' --max-time 5 -H "$header" "$url")
        else
            body=$(curl -s -w '\n%{http_code}' --max-time 5 "$url")
        fi
        code=${body##*$'\n'}
        [[ $code == 200 ]] || die "$app $(path_of "$ep") with credentials answered $code, expected 200"
        [[ $body == *stanley* ]] || die "$app $(path_of "$ep") answered without stanley"
    done
}

wrk_args() { # app, endpoint: sets ARGS and URL
    local header
    URL="http://127.0.0.1:${PORTS[$1]}$(path_of "$2")"
    header=$(header_of "$2")
    ARGS=(-t"$THREADS" -c"$CONNECTIONS" --timeout 5s)
    if [[ $2 == jwt-unique ]]; then
        ARGS+=(-s "$JWT_UNIQUE_LUA")
        export JWT_UNIQUE_STATE="$RESULTS_DIR/jwt-unique-$1.position"
    elif [[ -n $header ]]; then
        ARGS+=(-H "$header")
    fi
}

jwt_cache_counts() { # app: "hits misses" of Padlock's JWT cache so far, or nothing for the other applications
    local body
    [[ $1 == padlock* ]] || return 0
    body=$(curl -s --max-time 5 "http://127.0.0.1:${PORTS[$1]}/bench/jwt-cache") || return 0
    sed -n 's/.*"hits":\([0-9]*\),"misses":\([0-9]*\).*/\1 \2/p' <<<"$body"
}

warm_up_all() { # app: one wrk run over every endpoint in turn, so that the JIT has compiled all their paths
    local app=$1 ep header name value lua="$RESULTS_DIR/all-endpoints.lua"
    {
        # built in init(), once wrk knows the Host header
        echo "local requests = {}"
        echo "init = function(args)"
        for ep in $ENDPOINTS; do
            header=$(header_of "$ep")
            if [[ -n $header ]]; then
                name=${header%%: *}
                value=${header#*: }
                echo "  requests[#requests + 1] = wrk.format(\"GET\", \"$(path_of "$ep")\", { [\"$name\"] = \"$value\" })"
            else
                echo "  requests[#requests + 1] = wrk.format(\"GET\", \"$(path_of "$ep")\")"
            fi
        done
        echo "end"
        echo "local i = 0"
        echo "request = function() i = i % #requests + 1; return requests[i] end"
    } >"$lua"
    wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 5s -d"${WARMUP_ALL}s" -s "$lua" "http://127.0.0.1:${PORTS[$app]}" \
        >"$RESULTS_DIR/$app-all-warmup.txt"
    if grep -q 'Non-2xx or 3xx responses' "$RESULTS_DIR/$app-all-warmup.txt"; then
        die "$app: the warm-up over all endpoints saw non-2xx answers"
    fi
}

warm_up() { # app, endpoint
    wrk_args "$1" "$2"
    wrk "${ARGS[@]}" -d"${WARMUP}s" "$URL" >"$RESULTS_DIR/$1-$2-warmup.txt"
}

measure() { # app, endpoint, round
    local app=$1 ep=$2 round=$3 out pid c0 c1 w0 w1 b0 b1 requests key="$1.$2.$3"
    wrk_args "$app" "$ep"
    pid=${PIDS_OF[$app]}
    out="$RESULTS_DIR/$app-$ep-$round.txt"
    local cache0="" cache1=""
    if [[ $ep == jwt* ]]; then
        cache0=$(jwt_cache_counts "$app")
    fi
    c0=$(cpu_ticks "$pid")
    times >"$RESULTS_DIR/.times0"
    b0=$(busy_ticks)
    wrk "${ARGS[@]}" -d"${DURATION}s" --latency "$URL" >"$out"
    b1=$(busy_ticks)
    times >"$RESULTS_DIR/.times1"
    c1=$(cpu_ticks "$pid")
    if [[ -n $cache0 ]]; then
        cache1=$(jwt_cache_counts "$app")
    fi
    w0=$(children_ticks "$RESULTS_DIR/.times0")
    w1=$(children_ticks "$RESULTS_DIR/.times1")
    if grep -q 'Non-2xx or 3xx responses' "$out"; then
        die "$app $(path_of "$ep"): wrk saw non-2xx answers ($(grep 'Non-2xx' "$out"))"
    fi
    R_RPS[$key]=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    R_P99[$key]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    local errors
    errors=$(sed -n 's/^ *Socket errors: //p' "$out")
    if [[ -n $errors ]]; then
        ERRORS[$app.$ep]+="${errors}; "
    fi
    requests=$(awk '/requests in/ { print $1 }' "$out")
    # server CPU time per request, in microseconds (clock ticks are 1/CLK_TCK s)
    R_CPU[$key]=$(awk -v t=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
        'BEGIN { if (n > 0) printf "%.0f", t / hz * 1e6 / n; else print "?" }')
    # CPU used by anything but the server and wrk during the measured run, in % of one core: a disturbance gauge
    R_OTHER[$key]=$(awk -v b=$((b1 - b0)) -v c=$((c1 - c0)) -v w=$((w1 - w0)) -v d="$DURATION" \
        -v hz="$(getconf CLK_TCK)" 'BEGIN { o = (b - c - w) / hz / d * 100; if (o < 0) o = 0; printf "%.0f", o }')
    # the hit ratio of Padlock's JWT cache over the measured run (lookups counted by the application itself)
    R_HIT[$key]=""
    if [[ -n $cache0 && -n $cache1 ]]; then
        R_HIT[$key]=$(awk -v a="$cache0" -v b="$cache1" 'BEGIN { split(a, x, " "); split(b, y, " ");
            h = y[1] - x[1]; m = y[2] - x[2]; if (h + m > 0) printf "%.1f", 100 * h / (h + m); else print "" }')
    fi
    printf '  %-15s %-10s round %s %10s req/s  p99 %8s ms  server CPU %5s us/req  other CPU %3s%%%s%s\n' \
        "$(label_of "$app")" "$ep" "$round" "${R_RPS[$key]}" "${R_P99[$key]}" "${R_CPU[$key]}" \
        "${R_OTHER[$key]}" "${R_HIT[$key]:+  JWT cache hits ${R_HIT[$key]}%}" \
        "${errors:+ socket errors: $errors}" >&2
}

aggregate() { # app, endpoint: the median of the rounds (the largest "other CPU")
    local app=$1 ep=$2 r rps=() p99=() cpu=() other=() hit=()
    for r in $(seq 1 "$ROUNDS"); do
        rps+=("${R_RPS[$app.$ep.$r]}")
        p99+=("${R_P99[$app.$ep.$r]}")
        cpu+=("${R_CPU[$app.$ep.$r]}")
        other+=("${R_OTHER[$app.$ep.$r]}")
        if [[ -n ${R_HIT[$app.$ep.$r]:-} ]]; then
            hit+=("${R_HIT[$app.$ep.$r]}")
        fi
    done
    if ((${#hit[@]} > 0)); then
        HIT[$app.$ep]=$(median_f "${hit[@]}")
    fi
    RPS[$app.$ep]=$(median_f "${rps[@]}")
    P99[$app.$ep]=$(median_f "${p99[@]}")
    CPU_US[$app.$ep]=$(median "${cpu[@]}")
    OTHER[$app.$ep]=$(printf '%s\n' "${other[@]}" | sort -n | tail -n 1)
}

launch() { # app: time STARTS start-ups one after the other, keep the last one running and check it
    local app=$1 i log times=() spring_times=() rss_starts=() spring_s jvm_s
    echo "== $(label_of "$app") (CPU gauge: $(cpu_gauge) ms)" >&2
    for i in $(seq 1 "$STARTS"); do
        log="$RESULTS_DIR/$app-start$i.log"
        start_app "$app" "$log"
        times+=("$STARTUP_MS")
        sleep 1
        rss_starts+=("$(rss_mib "$APP_PID")")
        read -r spring_s jvm_s < <(spring_started_s "$log") || true
        if [[ -n ${spring_s:-} ]]; then
            spring_times+=("$(awk -v s="$spring_s" 'BEGIN { printf "%.0f", s * 1000 }')")
        fi
        echo "  start $i: ${STARTUP_MS} ms from JVM launch to the first answer;" \
            "Spring: started in ${spring_s:-?} s (JVM up ${jvm_s:-?} s); RSS ${rss_starts[-1]} MiB" >&2
        if ((i < STARTS)); then
            stop_app "$APP_PID"
        fi
    done
    STARTUP[$app]=$(median "${times[@]}")
    if ((${#spring_times[@]} > 0)); then
        SPRING_STARTED[$app]=$(median "${spring_times[@]}")
    fi
    RSS_START[$app]=$(median "${rss_starts[@]}")
    PIDS_OF[$app]=$APP_PID
    PORTS[$app]=$PORT
    check_app "$app"
    if ((WARMUP_ALL > 0)); then
        warm_up_all "$app"
    fi
}

finish() { # app: memory after the load, then stop it
    local app=$1 pid=${PIDS_OF[$1]}
    RSS_LOAD[$app]=$(rss_mib "$pid")
    # The RSS after the load mostly tells how far G1 grew the heap; after a full GC (G1 then gives memory back) it
    # is closer to what the application keeps.
    jcmd "$pid" GC.run >/dev/null 2>&1 || true
    sleep 2
    RSS_GC[$app]=$(rss_mib "$pid")
    echo "  $(label_of "$app") RSS: ${RSS_START[$app]} MiB after start (median), ${RSS_LOAD[$app]} MiB after the" \
        "load, ${RSS_GC[$app]} MiB after a full GC" >&2
    stop_app "$pid"   # with JFR=1, the JVM writes $app.jfr as it exits
}

# padlock-revocation keeps its revocation list in a Redis of its own: Debian's redis-server on a free loopback port,
# without persistence, stopped on exit with the applications.
REDIS_PORT=""
if [[ " $APPS " == *" padlock-revocation "* ]]; then
    command -v redis-server >/dev/null || die "padlock-revocation needs redis-server (apt-get install redis-server)"
    REDIS_PORT=$(free_port)
    mkdir -p "$RESULTS_DIR/redis"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$RESULTS_DIR/redis" \
        --daemonize no --loglevel warning >"$RESULTS_DIR/redis.log" 2>&1 &
    PIDS+=("$!")
    deadline=$((SECONDS + 30))
    until [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; do
        ((SECONDS < deadline)) || die "redis-server did not answer on port $REDIS_PORT"
        sleep 0.05
    done
fi

declare -A RPS P99 ERRORS CPU_US OTHER HIT STARTUP SPRING_STARTED RSS_START RSS_LOAD RSS_GC
declare -A R_RPS R_P99 R_CPU R_OTHER R_HIT PIDS_OF PORTS

{
    echo "load.sh $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "WARMUP_ALL=$WARMUP_ALL WARMUP=$WARMUP DURATION=$DURATION ROUNDS=$ROUNDS INTERLEAVE=$INTERLEAVE CONNECTIONS=$CONNECTIONS" \
        "THREADS=$THREADS STARTS=$STARTS JWT_POOL=$JWT_POOL"
    echo "JAVA_OPTS=$JAVA_OPTS JFR=$JFR"
    echo "loadavg: $(cat /proc/loadavg)"
    echo "CPU gauge (ms to sha256 128 MiB): $(cpu_gauge)"
} | tee "$RESULTS_DIR/run.txt" >&2

if [[ $INTERLEAVE == 1 ]]; then
    # All applications up (started one after the other, each idle while the others start and while wrk loads
    # another one); per endpoint, each is warmed up, then the measured runs rotate among them, ROUNDS times, so that
    # a slower or busier minute of this shared machine falls on all of them alike.
    for app in $APPS; do
        launch "$app"
    done
    for ep in $ENDPOINTS; do
        echo "== $ep (CPU gauge: $(cpu_gauge) ms)" >&2
        for app in $APPS; do
            warm_up "$app" "$ep"
        done
        for r in $(seq 1 "$ROUNDS"); do
            for app in $APPS; do
                measure "$app" "$ep" "$r"
            done
        done
        for app in $APPS; do
            aggregate "$app" "$ep"
        done
    done
    for app in $APPS; do
        finish "$app"
    done
else
    # One application at a time: start it, load every endpoint, stop it.
    for app in $APPS; do
        launch "$app"
        for ep in $ENDPOINTS; do
            warm_up "$app" "$ep"
            for r in $(seq 1 "$ROUNDS"); do
                measure "$app" "$ep" "$r"
            done
            aggregate "$app" "$ep"
        done
        finish "$app"
    done
fi

# ---------------------------------------------------------------------------------------------------------------
# The tables.
summary() {
    echo "Run: $(date -u +%Y-%m-%dT%H:%M:%SZ), WARMUP_ALL=${WARMUP_ALL}s WARMUP=${WARMUP}s DURATION=${DURATION}s ROUNDS=$ROUNDS" \
        "INTERLEAVE=$INTERLEAVE wrk -t$THREADS" \
        "-c$CONNECTIONS, JAVA_OPTS=$JAVA_OPTS, loadavg at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "Throughput (requests/s, measured run) and the ratios from this same run:"
    echo
    echo "| endpoint | baseline | Padlock | Spring Security | Padlock / baseline | Padlock / Spring Security |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    local ep
    for ep in $ENDPOINTS; do
        echo "| $(endpoint_label "$ep") | ${RPS[baseline.$ep]:-n/a} | ${RPS[padlock.$ep]:-n/a} |" \
            "${RPS[spring-security.$ep]:-n/a} | $(ratio "${RPS[padlock.$ep]:-}" "${RPS[baseline.$ep]:-}") |" \
            "$(ratio "${RPS[padlock.$ep]:-}" "${RPS[spring-security.$ep]:-}") |"
    done
    echo
    echo "p99 latency (ms); server CPU time per request (µs, /proc/<pid>/stat over the measured run); CPU used by" \
        "other processes than the server and wrk during the run (% of one core; more than a few % means disturbed):"
    echo
    echo "| endpoint | p99 baseline | p99 Padlock | p99 Spring Security | CPU/req baseline | CPU/req Padlock |" \
        "CPU/req Spring Security | other CPU (b / P / S) |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for ep in $ENDPOINTS; do
        echo "| $(endpoint_label "$ep") | ${P99[baseline.$ep]:-n/a} | ${P99[padlock.$ep]:-n/a} |" \
            "${P99[spring-security.$ep]:-n/a} | ${CPU_US[baseline.$ep]:-n/a} | ${CPU_US[padlock.$ep]:-n/a} |" \
            "${CPU_US[spring-security.$ep]:-n/a} |" \
            "${OTHER[baseline.$ep]:-n/a}% / ${OTHER[padlock.$ep]:-n/a}% / ${OTHER[spring-security.$ep]:-n/a}% |"
    done
    echo
    echo "Server CPU time per request that each application adds to the baseline's (µs; the median over the rounds" \
        "of each round's difference, the runs of one round being minutes apart at most):"
    echo
    echo "| endpoint | added CPU/req Padlock | added CPU/req Spring Security | Padlock's added CPU / Spring Security's |"
    echo "| --- | ---: | ---: | ---: |"
    for ep in $ENDPOINTS; do
        local padlock_added spring_added
        padlock_added=$(added_cpu padlock "$ep")
        spring_added=$(added_cpu spring-security "$ep")
        echo "| $(endpoint_label "$ep") | $padlock_added | $spring_added | $(ratio "$padlock_added" "$spring_added") |"
    done
    local jwt_eps=""
    for ep in $ENDPOINTS; do
        if [[ -n ${HIT[padlock.$ep]:-} ]]; then
            jwt_eps+=" $ep"
        fi
    done
    if [[ -n $jwt_eps ]]; then
        echo
        echo "Padlock's cache of verified JWTs during the measured runs (hits / lookups counted by the application," \
            "median of the rounds):"
        echo
        echo "| endpoint | hit ratio | Padlock / baseline | Padlock / Spring Security |"
        echo "| --- | ---: | ---: | ---: |"
        for ep in $jwt_eps; do
            echo "| $(endpoint_label "$ep") | ${HIT[padlock.$ep]}% |" \
                "$(ratio "${RPS[padlock.$ep]:-}" "${RPS[baseline.$ep]:-}") |" \
                "$(ratio "${RPS[padlock.$ep]:-}" "${RPS[spring-security.$ep]:-}") |"
        done
    fi
    if [[ " $APPS " == *" padlock-revocation "* ]]; then
        echo
        echo "Padlock with revocation on (the list in Redis, one EXISTS round trip per JWT request) against Padlock" \
            "without (both with the cache of verified JWTs on):"
        echo
        echo "| endpoint | req/s Padlock | req/s Padlock+revocation | revocation on / off | CPU/req off | CPU/req on |" \
            "added CPU/req (median of rounds) | p99 off (ms) | p99 on (ms) | on / baseline |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        for ep in $ENDPOINTS; do
            echo "| $(endpoint_label "$ep") | ${RPS[padlock.$ep]:-n/a} | ${RPS[padlock-revocation.$ep]:-n/a} |" \
                "$(ratio "${RPS[padlock-revocation.$ep]:-}" "${RPS[padlock.$ep]:-}") |" \
                "${CPU_US[padlock.$ep]:-n/a} | ${CPU_US[padlock-revocation.$ep]:-n/a} |" \
                "$(added_cpu padlock-revocation "$ep" padlock) | ${P99[padlock.$ep]:-n/a} |" \
                "${P99[padlock-revocation.$ep]:-n/a} |" \
                "$(ratio "${RPS[padlock-revocation.$ep]:-}" "${RPS[baseline.$ep]:-}") |"
        done
    fi
    echo
    echo "Start-up and RSS after start: medians of $STARTS starts; resident memory is VmRSS:"
    echo
    echo "| application | JVM launch to first 200 (ms) | Spring's \"Started in\" (ms) | RSS after start (MiB) |" \
        "RSS after the load (MiB) | RSS after the load and a full GC (MiB) |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    local app
    for app in baseline padlock padlock-revocation spring-security; do
        [[ -n ${STARTUP[$app]:-} ]] || continue
        echo "| $(label_of "$app") | ${STARTUP[$app]} | ${SPRING_STARTED[$app]:-n/a} | ${RSS_START[$app]} |" \
            "${RSS_LOAD[$app]} | ${RSS_GC[$app]} |"
    done
    if [[ -n ${STARTUP[padlock]:-} && -n ${STARTUP[baseline]:-} ]]; then
        echo "| Padlock / baseline | $(ratio "${STARTUP[padlock]}" "${STARTUP[baseline]}") |" \
            "$(ratio "${SPRING_STARTED[padlock]:-}" "${SPRING_STARTED[baseline]:-}") |" \
            "$(ratio "${RSS_START[padlock]}" "${RSS_START[baseline]}") |" \
            "$(ratio "${RSS_LOAD[padlock]}" "${RSS_LOAD[baseline]}") |" \
            "$(ratio "${RSS_GC[padlock]}" "${RSS_GC[baseline]}") |"
    fi
    local errors=""
    for key in "${!ERRORS[@]}"; do
        if [[ -n ${ERRORS[$key]} ]]; then
            errors+=" $key: ${ERRORS[$key]};"
        fi
    done
    if [[ -n $errors ]]; then
        echo
        echo "wrk socket errors:$errors"
    fi
}

echo "CPU gauge at the end: $(cpu_gauge) ms" >&2
echo >&2
summary | tee "$RESULTS_DIR/summary.md"
echo >&2
echo "Raw wrk outputs and logs: $RESULTS_DIR" >&2

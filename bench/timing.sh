#!/usr/bin/env bash
# User-enumeration timing check: for each password encoding, starts the demo application (users from its database:
# stanley / password123) on 127.0.0.1 and a free port with that encoding as the current one (demo.password-encoding,
# demo.bcrypt-strength), logs stanley in once so that Padlock re-encodes his hash with it, then runs
# bench/timing/UserTiming.java against GET /users/me (HTTP Basic) — interleaved pairs of "known user, wrong password"
# and "unknown user, same password" — once with a short wrong password and once with one of 73 bytes (over bcrypt's
# limit), and stops the demo. Each run ends with a RESULT line: the medians and whether their gap is within
# max(2 ms, 5 %).
#
# Usage: bench/timing.sh            (from anywhere; builds the demo jar if missing)
# Environment (defaults in brackets):
#   ENCODINGS [bcrypt:4 bcrypt:10 bcrypt:12 pbkdf2@SpringSecurity_v5_8 argon2@SpringSecurity_v5_8]
#                                  the encodings, each id[:bcrypt strength]
#   PAIRS [600]                    request pairs measured per run (after 30 warm-up pairs)
#   KNOWN_USER [stanley]           a user of the demo's database
#   WRONG_PASSWORD [wrong-password-42]  a wrong password, sent for both users
#   UNKNOWN_USER [nosuchuser]      a user name that does not exist
#   JAVA_OPTS [-Xmx256m]           the demo's JVM flags
#   RESULTS_DIR [bench/target/timing-<time>]  the demo's log and the output
#
# Everything runs on 127.0.0.1 and is bounded in time; the demo is stopped on exit, whatever happens.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
ENCODINGS=${ENCODINGS:-bcrypt:4 bcrypt:10 bcrypt:12 pbkdf2@SpringSecurity_v5_8 argon2@SpringSecurity_v5_8}
PAIRS=${PAIRS:-600}
KNOWN_USER=${KNOWN_USER:-stanley}
WRONG_PASSWORD=${WRONG_PASSWORD:-wrong-password-42}
UNKNOWN_USER=${UNKNOWN_USER:-nosuchuser}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
RESULTS_DIR=${RESULTS_DIR:-$ROOT/bench/target/timing-$(date +%Y%m%d-%H%M%S)}
START_TIMEOUT=120

DEMO_PID=""
cleanup() {
    if [[ -n $DEMO_PID ]] && kill -0 "$DEMO_PID" 2>/dev/null; then
        kill "$DEMO_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$DEMO_PID" 2>/dev/null || return 0
            sleep 0.1
        done
        kill -9 "$DEMO_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

demo_jar() {
    compgen -G "$ROOT/demo/target/padlock-demo-*.jar" | grep -v -e '-plain\.jar$' -e '\.original$' | head -n 1 || true
}

command -v curl >/dev/null 2>&1 || die "curl is missing"
mkdir -p "$RESULTS_DIR"

if [[ -z $(demo_jar) ]]; then
    echo "Building the demo jar..." >&2
    (cd "$ROOT" && ./mvnw -q -B -pl demo -am package -DskipTests)
fi
JAR=$(demo_jar)
[[ -n $JAR ]] || die "no demo jar in demo/target"

LONG_PASSWORD="$WRONG_PASSWORD-$(printf 'x%.0s' $(seq 1 $((73 - ${#WRONG_PASSWORD} - 1))))"
for encoding in $ENCODINGS; do
    id=${encoding%%:*}
    strength=10
    [[ $encoding == *:* ]] && strength=${encoding##*:}
    PORT=$(free_port)
    URL="http://127.0.0.1:$PORT/users/me"
    # shellcheck disable=SC2206 # JAVA_OPTS is a list of flags
    opts=($JAVA_OPTS)
    java "${opts[@]}" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
        --demo.password-encoding="$id" --demo.bcrypt-strength="$strength" >"$RESULTS_DIR/demo-$encoding.log" 2>&1 &
    DEMO_PID=$!
    deadline=$((SECONDS + START_TIMEOUT))
    until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL" || true) == 401 ]]; do
        kill -0 "$DEMO_PID" 2>/dev/null || { cat "$RESULTS_DIR/demo-$encoding.log" >&2; die "the demo exited"; }
        ((SECONDS < deadline)) || die "the demo did not answer within ${START_TIMEOUT}s"
        sleep 0.2
    done
    # One successful login: Padlock re-encodes stanley's stored hash with the current encoding.
    [[ $(curl -s -o /dev/null -w '%{http_code}' -u "$KNOWN_USER:password123" "$URL") == 200 ]] \
        || die "$KNOWN_USER could not log in"
    echo "== $encoding (demo pid $DEMO_PID on $URL); loadavg $(cut -d' ' -f1-3 /proc/loadavg)" \
        | tee -a "$RESULTS_DIR/timing.txt" >&2
    for password in "$WRONG_PASSWORD" "$LONG_PASSWORD"; do
        java "$ROOT/bench/timing/UserTiming.java" "$URL" "$KNOWN_USER" "$password" "$UNKNOWN_USER" "$PAIRS" \
            | tee -a "$RESULTS_DIR/timing.txt"
    done
    cleanup
    DEMO_PID=""
done
grep -E '^==|RESULT' "$RESULTS_DIR/timing.txt" >&2
echo "loadavg at the end: $(cut -d' ' -f1-3 /proc/loadavg); output in $RESULTS_DIR" >&2

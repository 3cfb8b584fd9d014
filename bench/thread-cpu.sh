#!/usr/bin/env bash
# The server's CPU per request under bench/load.sh's jwt-unique load, by thread: one application started on 127.0.0.1,
# a wrk warm-up, then WINDOWS measured wrk runs, each with the CPU time of every thread of the JVM read from
# /proc/<pid>/task/*/stat before and after it, summed by thread name (the request threads, the JIT compilers, the GC)
# and divided by the requests of the window. Steadier than requests/s on a shared machine, and it tells the request
# threads' work from the compilers' and the collector's (docs/benchmarks.md, issue 20, third round).
#
# Usage: bench/thread-cpu.sh RESULTS_DIR APP [application arguments...]
#   RESULTS_DIR  the results directory of a bench/load.sh run with jwt-unique (its jwt-unique.lua and jwt-tokens.txt)
#   APP          baseline | padlock | spring-security (its jar as bench/load.sh builds it)
#   e.g. bench/thread-cpu.sh bench/target/load-20261202-163325 padlock --padlock.jwt.cache.enabled=false
# Environment: WARM [30] seconds of warm-up, DUR [8] seconds per window, WINDOWS [3], JAVA_OPTS [-Xmx512m],
#   LUA [RESULTS_DIR/jwt-unique.lua] the wrk script
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
(($# >= 2)) || die "usage: bench/thread-cpu.sh RESULTS_DIR APP [application arguments...]"
RESULTS_DIR=$(cd "$1" && pwd)
APP=$2
shift 2
WARM=${WARM:-30}
DUR=${DUR:-8}
WINDOWS=${WINDOWS:-3}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
LUA=${LUA:-$RESULTS_DIR/jwt-unique.lua}
[[ -f $LUA ]] || die "no wrk script $LUA (run bench/load.sh with jwt-unique first)"
JAR=$(jar_of "$APP")
[[ -n $JAR ]] || die "no jar for $APP: build it as bench/load.sh does (./mvnw -B -q -pl bench/<app> -am package)"
command -v wrk >/dev/null || die "wrk is missing (bench/load.sh installs it)"

WORK=$(mktemp -d)
PORT=$(free_port)
# shellcheck disable=SC2206 # JAVA_OPTS is a list of flags
opts=($JAVA_OPTS)
java "${opts[@]}" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 "$@" >"$WORK/app.log" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 600); do
    curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/public" && break
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/app.log" >&2; die "$APP exited during start-up"; }
    sleep 0.1
done
export JWT_UNIQUE_STATE=$WORK/position

# Prints "thread-name ticks" for every thread of $PID, a name's trailing number removed (http-nio-...-exec-12 and
# GC Thread#1 count with their kind).
thread_ticks() {
    python3 - "$PID" <<'PY'
import os, re, sys
pid = sys.argv[1]
totals = {}
for tid in os.listdir(f"/proc/{pid}/task"):
    try:
        with open(f"/proc/{pid}/task/{tid}/stat") as f:
            stat = f.read()
        with open(f"/proc/{pid}/task/{tid}/comm") as f:
            name = f.read().strip()
    except FileNotFoundError:
        continue  # the thread ended meanwhile
    fields = stat[stat.rindex(")") + 2:].split()
    name = re.sub(r"[#\-]?\d+$", "", name).replace(" ", "_")
    totals[name] = totals.get(name, 0) + int(fields[11]) + int(fields[12])  # utime + stime
for name, ticks in totals.items():
    print(name, ticks)
PY
}

echo "$APP ($JAR $*): ${WARM}s warm-up, $WINDOWS windows of ${DUR}s, wrk -t2 -c32 -s $LUA"
wrk -t2 -c32 -d"${WARM}s" -s "$LUA" "http://127.0.0.1:$PORT/" >/dev/null
HZ=$(getconf CLK_TCK)
for window in $(seq 1 "$WINDOWS"); do
    thread_ticks >"$WORK/before"
    wrk -t2 -c32 -d"${DUR}s" -s "$LUA" "http://127.0.0.1:$PORT/" >"$WORK/wrk.txt"
    thread_ticks >"$WORK/after"
    requests=$(grep -oP '^\s*\K\d+(?= requests in)' "$WORK/wrk.txt")
    rate=$(grep -oP 'Requests/sec:\s*\K[0-9.]+' "$WORK/wrk.txt")
    awk -v hz="$HZ" -v n="$requests" -v w="$window" -v rate="$rate" '
        FNR == NR { before[$1] = $2; next }
        { used[$1] = $2 - before[$1]; total += used[$1] }
        END {
            printf "window %d: %s req/s, %.1f us/req in all:", w, rate, total * 1e6 / hz / n
            for (name in used) if (used[name] * 1e6 / hz / n >= 0.5) printf " %s %.1f", name, used[name] * 1e6 / hz / n
            printf "\n"
        }' "$WORK/before" "$WORK/after"
done

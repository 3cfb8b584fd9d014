#!/usr/bin/env bash
# Padlock's cost at start-up and on /v3/api-docs, as the number of handler methods grows.
#
#   bench/scale.sh [N ...]          (default: 200 2000)
#   BUILD=0 bench/scale.sh [N ...]  (measure again the applications an earlier run built)
#
# For each N, generates under bench/scale/target/ two Spring Boot applications with springdoc and the same N handler
# methods in controllers of 50: one with Padlock (a @SecurityParam on every method, over four schemes and four
# verifiers, see bench/scale/Generate.java) and one without (no @SecurityParam, no Padlock dependency). Builds them
# with the wrapper against this checkout's Padlock, then:
#  1. starts each RUNS times (default 3) on 127.0.0.1 (a free port), alternating the two, and records Spring's
#     "Started ... in X seconds" and the time of the first and of the LATER-th (default 5th) GET /v3/api-docs (curl's
#     time_total); prints the best of the runs of each, and Padlock's share: (with - without) / with. A second table
#     gives the same for the process's CPU time (all threads): at start-up as the application reports it, and spent
#     during the first GET /v3/api-docs (from /proc/PID/stat), which other processes on the machine disturb less;
#  2. unless PROFILE=0, starts the Padlock application once more under JFR (a CPU sample every millisecond) and
#     prints the share of the samples, during start-up and during the first /v3/api-docs, whose stack holds a Padlock
#     frame (bench/scale/PadlockShare.java): Padlock's own work, measured inside one process, so less exposed to a
#     noisy machine than the difference of two wall-clock times.
# Every application it starts is stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/bench/scale/target
RUNS=${RUNS:-3}
LATER=${LATER:-5}
BUILD=${BUILD:-1}
PROFILE=${PROFILE:-1}
START_TIMEOUT=${START_TIMEOUT:-180}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(200 2000); fi

APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  if [ -n "$APP_PID" ]; then wait "$APP_PID" 2>/dev/null || true; fi
  APP_PID=""
}
trap stop_app EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

boot_version=$(sed -n '/<artifactId>spring-boot-starter-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' "$ROOT/pom.xml")
springdoc_version=$(sed -n 's/.*<springdoc.version>\(.*\)<\/springdoc.version>.*/\1/p' "$ROOT/pom.xml")
padlock_version=$(sed -n '/<artifactId>padlock-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' "$ROOT/pom.xml")
echo "Spring Boot $boot_version, springdoc $springdoc_version, Padlock $padlock_version; sizes ${SIZES[*]}; $RUNS runs" >&2

if [ "$BUILD" != 0 ]; then
  echo "Installing Padlock into the local Maven repository ..." >&2
  (cd "$ROOT" && ./mvnw -q -B install -DskipTests -pl autoconfigure -am)
  mkdir -p "$WORK"
  for n in "${SIZES[@]}"; do
    for variant in padlock plain; do
      dir=$WORK/$variant-$n
      rm -rf "$dir"
      echo "Generating and building $variant-$n ..." >&2
      java "$ROOT/bench/scale/Generate.java" "$dir" "$n" "$variant" "$boot_version" "$springdoc_version" \
        "$padlock_version"
      (cd "$ROOT" && ./mvnw -q -B -f "$dir/pom.xml" package -DskipTests)
    done
  done
fi
for n in "${SIZES[@]}"; do
  for variant in padlock plain; do
    [ -f "$WORK/$variant-$n/target/app.jar" ] || { echo "No $WORK/$variant-$n/target/app.jar: run without BUILD=0" >&2; exit 1; }
  done
done

# start_app DIR LOG [JVM option ...]: starts DIR's jar and waits for Spring's "Started" line; sets STARTUP and PORT.
# (Not run in a subshell, so that the EXIT trap sees APP_PID.)
start_app() {
  local dir=$1 log=$2 i deadline=$((SECONDS + START_TIMEOUT))
  shift 2
  # shellcheck disable=SC2086
  java $JAVA_OPTS "$@" -jar "$dir/target/app.jar" > "$log" 2>&1 &
  APP_PID=$!
  until grep -q 'Started ScaleApplication in' "$log"; do
    kill -0 "$APP_PID" 2>/dev/null || { cat "$log" >&2; echo "$dir did not start" >&2; exit 1; }
    if ((SECONDS >= deadline)); then
      tail -20 "$log" >&2
      echo "$dir did not start in ${START_TIMEOUT}s" >&2
      exit 1
    fi
    sleep 0.2
  done
  STARTUP=$(sed -n 's/.*Started ScaleApplication in \([0-9.]*\) seconds.*/\1/p' "$log" | head -1)
  for ((i = 0; i < 50; i++)); do grep -q 'Process CPU time at start-up' "$log" && break; sleep 0.1; done
  STARTUP_CPU=$(sed -n 's/^Process CPU time at start-up: \([0-9]*\) ms$/\1/p' "$log" | head -1)
  STARTUP_CPU=$(awk -v ms="$STARTUP_CPU" 'BEGIN { printf "%.2f", ms / 1000 }')
  PORT=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)
}

# api_docs DIR: one GET /v3/api-docs; prints curl's time_total.
api_docs() {
  curl -sS --fail --max-time 120 -o "$1/api-docs.json" -w '%{time_total}' "http://127.0.0.1:$PORT/v3/api-docs"
}

# cpu_ticks: the user and system CPU time of the application so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

# measure DIR: one run; sets STARTUP, STARTUP_CPU, FIRST, FIRST_CPU and LATER_TIME.
measure() {
  local dir=$1 i t before
  start_app "$dir" "$dir/run.log"
  for ((i = 1; i <= LATER; i++)); do
    before=$(cpu_ticks)
    t=$(api_docs "$dir")
    if [ "$i" -eq 1 ]; then
      FIRST=$t
      FIRST_CPU=$(awk -v t="$(( $(cpu_ticks) - before ))" -v hz="$TICKS_PER_SECOND" 'BEGIN { printf "%.2f", t / hz }')
    fi
  done
  LATER_TIME=$t
  stop_app
}

# The smallest of its arguments.
best() { printf '%s\n' "$@" | sort -g | head -1; }
# (with - without) / with, as a percentage.
share() { awk -v w="$1" -v wo="$2" 'BEGIN { printf "%.1f%%", (w > 0) ? 100 * (w - wo) / w : 0 }'; }

declare -A results
for n in "${SIZES[@]}"; do
  for ((run = 1; run <= RUNS; run++)); do
    for variant in plain padlock; do
      measure "$WORK/$variant-$n"
      echo "N=$n $variant run $run: started in ${STARTUP}s (CPU ${STARTUP_CPU}s), first api-docs ${FIRST}s" \
        "(CPU ${FIRST_CPU}s), api-docs #$LATER ${LATER_TIME}s" >&2
      results[$n,$variant,s]+="$STARTUP "
      results[$n,$variant,f]+="$FIRST "
      results[$n,$variant,l]+="$LATER_TIME "
      results[$n,$variant,sc]+="$STARTUP_CPU "
      results[$n,$variant,fc]+="$FIRST_CPU "
    done
  done
  paths=$(grep -o '"/c[0-9]*/m[0-9]*/{id}"' "$WORK/padlock-$n/api-docs.json" | wc -l)
  secured=$(grep -o '"security":' "$WORK/padlock-$n/api-docs.json" | wc -l)
  echo "N=$n: the Padlock application's api-docs has $paths paths, $secured with security" >&2
done

profiles=()
if [ "$PROFILE" != 0 ]; then
  for n in "${SIZES[@]}"; do
    dir=$WORK/padlock-$n
    rm -f "$dir/profile.jfr"
    start_app "$dir" "$dir/profile.log" \
      "-XX:StartFlightRecording:settings=profile,jdk.ExecutionSample#period=1ms,filename=$dir/profile.jfr"
    started=$(date +%s%3N)
    api_docs "$dir" > /dev/null
    served=$(date +%s%3N)
    stop_app
    profiles+=("$(java "$ROOT/bench/scale/PadlockShare.java" "$dir/profile.jfr" "$started" "$served")")
  done
fi

# table METRIC...: one row per N, for each metric the best without and with Padlock, and Padlock's share.
table() {
  local n m wo w row
  for n in "${SIZES[@]}"; do
    row="| $n"
    for m in "$@"; do
      # shellcheck disable=SC2086
      wo=$(best ${results[$n,plain,$m]})
      # shellcheck disable=SC2086
      w=$(best ${results[$n,padlock,$m]})
      row+=" | $wo | $w | $(share "$w" "$wo")"
    done
    echo "$row |"
  done
}
echo
echo "Wall-clock time, best of $RUNS runs:"
echo
printf '| N | start-up without (s) | start-up with (s) | Padlock share | first api-docs without (s) | with (s) | Padlock share | api-docs #%s without (s) | with (s) | Padlock share |\n' "$LATER"
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
table s f l
echo
echo "CPU time of the process (all threads), best of $RUNS runs:"
echo
printf '| N | start-up without (s) | start-up with (s) | Padlock share | first api-docs without (s) | with (s) | Padlock share |\n'
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
table sc fc
if [ "${#profiles[@]}" -gt 0 ]; then
  echo
  echo "CPU samples of the Padlock application under JFR (1 ms), share with a Padlock frame on the stack:"
  for i in "${!SIZES[@]}"; do
    echo "N=${SIZES[$i]}:"
    echo "${profiles[$i]}" | sed 's/^/  /'
  done
fi

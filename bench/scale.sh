#!/usr/bin/env bash
# Padlock's cost at start-up and on the first /v3/api-docs, as the number of handler methods grows.
#
#   bench/scale.sh [N ...]          (default: 200 2000)
#
# For each N, generates under bench/scale/target/ two Spring Boot applications with springdoc and the same N handler
# methods in controllers of 50: one with Padlock (a @SecurityParam on every method, over four schemes and four
# verifiers, see bench/scale/Generate.java) and one without (no @SecurityParam, no Padlock dependency). Builds them
# with the wrapper against this checkout's Padlock, starts each RUNS times (default 3) on 127.0.0.1 (a free port),
# alternating the two, and records Spring's "Started ... in X seconds" and the time of the first and of the
# LATER-th (default 5th) GET /v3/api-docs (curl's time_total). Prints the best of the runs of each and Padlock's share:
# (with - without) / with. Every application it starts is stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/bench/scale/target
RUNS=${RUNS:-3}
LATER=${LATER:-5}
START_TIMEOUT=${START_TIMEOUT:-180}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(200 2000); fi

APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT

boot_version=$(sed -n '/<artifactId>spring-boot-starter-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' "$ROOT/pom.xml")
springdoc_version=$(sed -n 's/.*<springdoc.version>\(.*\)<\/springdoc.version>.*/\1/p' "$ROOT/pom.xml")
padlock_version=$(sed -n '/<artifactId>padlock-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' "$ROOT/pom.xml")
echo "Spring Boot $boot_version, springdoc $springdoc_version, Padlock $padlock_version; sizes ${SIZES[*]}; $RUNS runs" >&2

echo "Installing Padlock into the local Maven repository ..." >&2
(cd "$ROOT" && ./mvnw -q -B install -DskipTests -pl autoconfigure -am)

mkdir -p "$WORK"
for n in "${SIZES[@]}"; do
  for variant in padlock plain; do
    dir=$WORK/$variant-$n
    rm -rf "$dir"
    echo "Generating and building $variant-$n ..." >&2
    java "$ROOT/bench/scale/Generate.java" "$dir" "$n" "$variant" "$boot_version" "$springdoc_version" "$padlock_version"
    (cd "$ROOT" && ./mvnw -q -B -f "$dir/pom.xml" package -DskipTests)
  done
done

# Starts $1's jar, waits for Spring's "Started" line, times the api-docs; sets STARTUP, FIRST and LATER_TIME.
# (Not run in a subshell, so that the EXIT trap sees APP_PID.)
measure() {
  local dir=$1 log=$1/run.log port i t
  java $JAVA_OPTS -jar "$dir/target/app.jar" > "$log" 2>&1 &
  APP_PID=$!
  for ((i = 0; i < START_TIMEOUT * 5; i++)); do
    grep -q 'Started ScaleApplication in' "$log" && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$log" >&2; echo "$dir did not start" >&2; exit 1; }
    sleep 0.2
  done
  grep -q 'Started ScaleApplication in' "$log" || { echo "$dir did not start in ${START_TIMEOUT}s" >&2; exit 1; }
  STARTUP=$(sed -n 's/.*Started ScaleApplication in \([0-9.]*\) seconds.*/\1/p' "$log" | head -1)
  port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)
  for ((i = 1; i <= LATER; i++)); do
    t=$(curl -sS --fail --max-time 120 -o "$dir/api-docs.json" -w '%{time_total}' "http://127.0.0.1:$port/v3/api-docs")
    if [ "$i" -eq 1 ]; then FIRST=$t; fi
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
      echo "N=$n $variant run $run: started in ${STARTUP}s, first api-docs ${FIRST}s, api-docs #$LATER ${LATER_TIME}s" >&2
      results[$n,$variant,s]+="$STARTUP "
      results[$n,$variant,f]+="$FIRST "
      results[$n,$variant,l]+="$LATER_TIME "
    done
  done
  paths=$(grep -o '"/c[0-9]*/m[0-9]*/{id}"' "$WORK/padlock-$n/api-docs.json" | wc -l)
  secured=$(grep -o '"security":' "$WORK/padlock-$n/api-docs.json" | wc -l)
  echo "N=$n: the Padlock application's api-docs has $paths paths, $secured with security" >&2
done

printf '\n| N | start-up without (s) | start-up with (s) | Padlock share | first api-docs without (s) | with (s) | Padlock share | api-docs #%s without (s) | with (s) | Padlock share |\n' "$LATER"
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for n in "${SIZES[@]}"; do
  row="| $n"
  for m in s f l; do
    # shellcheck disable=SC2086
    wo=$(best ${results[$n,plain,$m]})
    # shellcheck disable=SC2086
    w=$(best ${results[$n,padlock,$m]})
    row+=" | $wo | $w | $(share "$w" "$wo")"
  done
  echo "$row |"
done

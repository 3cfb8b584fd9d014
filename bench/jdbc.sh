#!/usr/bin/env bash
# The JDBC stores against the in-memory ones (CredentialStoreBenchmark, JMH): starts a throwaway PostgreSQL from
# Debian's package on 127.0.0.1 and a free port (initdb and pg_ctl, as the postgres user when run as root, as
# PostgresServer does in the tests), runs the benchmark on memory, h2 and postgresql, then stops PostgreSQL and
# deletes its directory.
#
# Usage: bench/jdbc.sh [JMH options]   (from anywhere; builds bench/jmh/target/benchmarks.jar if missing)
#   e.g. bench/jdbc.sh -t 2            the same with two benchmark threads sharing each store and pool
# Environment: PG_BIN [newest /usr/lib/postgresql/*/bin]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/initdb" ] || die "PostgreSQL's initdb not found (apt-get install postgresql, or set PG_BIN)"
JAR="$ROOT/bench/jmh/target/benchmarks.jar"
if [ ! -f "$JAR" ]; then
    (cd "$ROOT" && ./mvnw -B -q -pl bench/jmh -am package -DskipTests)
fi

AS=()
if [ "$(id -u)" = 0 ]; then
    AS=(runuser -u postgres --)
fi
DATA=$(mktemp -d /tmp/padlock-bench-pg.XXXXXX)
PORT=$(free_port)
cleanup() {
    "${AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w stop > /dev/null 2>&1 || true
    rm -rf "$DATA"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres: "$DATA"
cd /tmp
"${AS[@]}" "$PG_BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --locale=C --no-sync > /dev/null
# Durable as a real server (fsync on): the benchmark reads, and a read does not wait for the disk.
"${AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -l "$DATA/postgres.log" -o "-h 127.0.0.1 -p $PORT -k $DATA" -w start > /dev/null
"${AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres bench

PADLOCK_BENCH_POSTGRESQL_URL="jdbc:postgresql://127.0.0.1:$PORT/bench?user=postgres" \
    java -jar "$JAR" CredentialStoreBenchmark -p store=memory,h2,postgresql -prof gc "$@"

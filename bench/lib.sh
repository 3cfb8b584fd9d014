# Helpers shared by bench/load.sh and bench/timing.sh; sourced, not run.

die() {
    echo "$(basename "$0"): $*" >&2
    exit 1
}

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "no free port found"
}

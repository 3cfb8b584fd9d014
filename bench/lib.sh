# Helpers shared by the bench scripts; sourced, not run.

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

# The jar of a bench application (baseline, padlock, padlock-revocation, spring-security) as the build leaves it under
# $ROOT, or nothing when it is not built.
jar_of() {
    local module
    case $1 in
        baseline) module=baseline-app ;;
        padlock | padlock-revocation) module=padlock-app ;;
        spring-security) module=spring-security-app ;;
        *) die "unknown application $1" ;;
    esac
    compgen -G "$ROOT/bench/$module/target/padlock-bench-*.jar" | head -n 1 || true
}

# Helpers for stats.bats and metrics.bats: the `strata` binary and containers
# that load one resource. Loaded after helpers.bash.

# The strata under test: $STRATA, else the release build, else the debug one.
resolve_strata() {
  if [[ -z "${STRATA:-}" ]]; then
    STRATA=$REPO_ROOT/.build/release/strata
    [[ -x "$STRATA" ]] || STRATA=$REPO_ROOT/.build/debug/strata
  fi
  [[ -x "$STRATA" ]] || {
    echo "strata not found: build it (swift build --product strata) or set STRATA" >&2
    return 1
  }
  export STRATA
}

# st ARGS...: strata listing this test's --root with the runtime under test.
st() {
  "$STRATA" "$@" --root "$ROOT" --runtime "$RUNTIME"
}

# start_with ID SH-SCRIPT [JQ-RESOURCES]: run a detached container under this
# test's root with optional linux.resources, and wait until it runs.
start_with() {
  local id=$1 script=$2 resources=${3:-'{}'}
  cfg '.linux.resources = ((.linux.resources // {}) * $r)' --argjson r "$resources"
  set_args sh -c "$script"
  start_bg "$id"
}

# json_of ID: the line of `strata stats --format json --no-stream` for ID.
json_of() {
  st stats --no-stream --format json --interval "${INTERVAL:-1}" | jq -c "select(.id == \"$1\")"
}

# free_port: a TCP port nothing listens on (the kernel's pick, released again).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Helpers for the engine suite (tests/engine): `strata run/ps/logs/...` over real
# containers made from a busybox-static rootfs directory (--rootfs), with strun or
# another runtime:
#   STRATA=/path/to/strata          default: the repo's .build/debug/strata, else release
#   RUNTIME=/path/to/runtime        default: strun next to $STRATA
#   STRATA_TEST_RUNTIME=runc        a runtime found in PATH by name
# Every test has its own storage root (STRATA_ROOT), so its records, runtime state and
# monitors are its own; teardown removes its containers and ends its monitors by pid.

bats_require_minimum_version 1.5.0

REPO_ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
export BATS_TEST_TIMEOUT=${BATS_TEST_TIMEOUT:-90}

resolve_binaries() {
  if [[ -z "${STRATA:-}" ]]; then
    STRATA=$REPO_ROOT/.build/debug/strata
    [[ -x "$STRATA" ]] || STRATA=$REPO_ROOT/.build/release/strata
  fi
  if [[ -n "${RUNTIME:-}" ]]; then
    :
  elif [[ -n "${STRATA_TEST_RUNTIME:-}" ]]; then
    RUNTIME=$(command -v "$STRATA_TEST_RUNTIME" || true)
  else
    RUNTIME=$(dirname "$STRATA")/strun
  fi
  [[ -x "$STRATA" && -x "$RUNTIME" ]] || {
    echo "strata or the runtime not found ('$STRATA', '$RUNTIME'): swift build first" >&2
    return 1
  }
  export STRATA RUNTIME
  # Every create in the suite uses this runtime.
  export STRATA_RUNTIME=$RUNTIME
}

setup_file() {
  resolve_binaries
  export ROOTFS=$BATS_FILE_TMPDIR/bundle/rootfs
  "$REPO_ROOT/scripts/mkbundle.sh" "$BATS_FILE_TMPDIR/bundle" "$(command -v runc || echo "$RUNTIME")" -- sh >/dev/null
}

setup() {
  resolve_binaries
  TEST_DIR=$(mktemp -d /tmp/strata-engine.XXXXXX)
  chmod 0755 "$TEST_DIR"
  export STRATA_ROOT=$TEST_DIR/root
  # Containers write into a --rootfs directory: each test gets its own copy.
  cp -a "$ROOTFS" "$TEST_DIR/rootfs"
  R=$TEST_DIR/rootfs
}

teardown() {
  local id
  for id in $("$STRATA" ps -aq --no-trunc 2>/dev/null); do
    "$STRATA" rm -f "$id" >/dev/null 2>&1 || true
  done
  # Monitors of this test's root that are still alive (a test killed one mid-way):
  # found by their own command line, which names this test's root.
  local pid
  for pid in $(monitor_pids); do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$TEST_DIR"
}

# The pids of live monitors for this test's storage root.
monitor_pids() {
  local pid
  for pid in $(pgrep -f -- "monitor --root $STRATA_ROOT" || true); do
    echo "$pid"
  done
}

strata() { "$STRATA" "$@"; }

# inspect FIELD-PATH (jq) of a container.
field() { "$STRATA" inspect "$1" | jq -r ".[0]$2"; }

# Waits up to $3 seconds (default 10) until `field $1 $2` prints $4... as: wait_field C PATH VALUE [SECONDS]
wait_field() {
  local container=$1 path=$2 want=$3 seconds=${4:-10} i
  for ((i = 0; i < seconds * 20; i++)); do
    [[ "$(field "$container" "$path" 2>/dev/null)" == "$want" ]] && return 0
    sleep 0.05
  done
  echo "timed out: $path of $container is '$(field "$container" "$path" 2>&1)', wanted '$want'" >&2
  return 1
}

# No container directory, runtime state or monitor is left under the root.
assert_nothing_left() {
  local left
  left=$(ls -A "$STRATA_ROOT/containers" 2>/dev/null || true)
  [[ -z "$left" ]] || { echo "container dirs left: $left" >&2; return 1; }
  # (strun's own caches, @seccomp and @policy, are not container state.)
  left=$(find "$STRATA_ROOT/runtime" -mindepth 2 -maxdepth 2 ! -name '@*' 2>/dev/null || true)
  [[ -z "$left" ]] || { echo "runtime state left: $left" >&2; return 1; }
  [[ -z "$(monitor_pids)" ]] || { echo "monitors left: $(monitor_pids)" >&2; return 1; }
}

# Exactly one line on stderr/stdout (bats merges them in $output).
assert_one_line() {
  [[ "$(printf '%s\n' "$output" | grep -c .)" -eq 1 ]] || { echo "expected one line, got: $output" >&2; return 1; }
}

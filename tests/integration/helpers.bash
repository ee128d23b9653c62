# Shared helpers for the integration suite. Loaded by every .bats file.
#
# The runtime under test:
#   RUNTIME=/path/to/binary       any runc-compatible runtime
#   STRATA_TEST_RUNTIME=runc      a runtime found in PATH by name
#   (neither)                     the repo's .build/release/strun
#
# Every test gets its own --root, bundle and container id, so tests never see
# each other's containers, and teardown removes whatever a test left, even
# when it failed.

bats_require_minimum_version 1.5.0

REPO_ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)

# A runtime that hangs fails its test instead of the whole suite; teardown
# still runs.
export BATS_TEST_TIMEOUT=${BATS_TEST_TIMEOUT:-60}

resolve_runtime() {
  if [[ -n "${RUNTIME:-}" ]]; then
    :
  elif [[ -n "${STRATA_TEST_RUNTIME:-}" ]]; then
    RUNTIME=$(command -v "$STRATA_TEST_RUNTIME" || true)
  else
    RUNTIME=$REPO_ROOT/.build/release/strun
  fi
  if [[ -z "$RUNTIME" || ! -x "$RUNTIME" ]]; then
    echo "runtime under test not found: '${RUNTIME:-${STRATA_TEST_RUNTIME:-}}'" \
      "(build it with 'make release' or set RUNTIME / STRATA_TEST_RUNTIME)" >&2
    return 1
  fi
  export RUNTIME
}
resolve_runtime || true

# True when the runtime under test is strun (by name or by its --version).
is_strun() {
  [[ "$(basename "$RUNTIME")" == strun* ]] && return 0
  "$RUNTIME" --version 2>/dev/null | head -n1 | grep -q '^strun '
}

skip_unless_strun() {
  is_strun || skip "strun-only: ${1:-tests a promise runc does not make}"
}

# The bundle template: built once per file. Its config.json comes from a
# fixed reference (runc's `spec` when runc is installed) so that every runtime
# gets the same input; the `spec` tests check the runtime's own template.
setup_file() {
  resolve_runtime
  local spec_runtime=${STRATA_TEST_SPEC_RUNTIME:-}
  if [[ -z "$spec_runtime" ]]; then
    spec_runtime=$(command -v runc || echo "$RUNTIME")
  fi
  export TEMPLATE=$BATS_FILE_TMPDIR/template
  "$REPO_ROOT/scripts/mkbundle.sh" "$TEMPLATE" "$spec_runtime" -- sh >/dev/null
}

setup() {
  TEST_DIR=$(mktemp -d /tmp/strata-it.XXXXXX)
  chmod 0755 "$TEST_DIR"
  ROOT=$TEST_DIR/state
  BUNDLE=$TEST_DIR/bundle
  HOSTDIR=$TEST_DIR/host # scratch for files the host and container share
  mkdir -p "$ROOT" "$BUNDLE" "$HOSTDIR"
  cp -a "$TEMPLATE/rootfs" "$BUNDLE/rootfs"
  cp "$TEMPLATE/config.json" "$BUNDLE/config.json"
  CID=$(new_id)
  CLEANUP_NETNS=()
  CLEANUP_MOUNTS=()
  CLEANUP_PIDS=()
}

# A container id unique to this run and test (recorded for teardown).
new_id() {
  local id="it$$-${BATS_TEST_NUMBER}-${RANDOM}${RANDOM}"
  echo "$id" >>"$TEST_DIR/ids"
  echo "$id"
}

teardown() {
  local id pid m ns p r
  if [[ -d "${ROOT:-}" ]]; then
    for id in $(timeout 10 "$RUNTIME" --root "$ROOT" list -q 2>/dev/null); do
      timeout 10 "$RUNTIME" --root "$ROOT" delete --force "$id" >/dev/null 2>&1 || true
    done
  fi
  for pid in "${CLEANUP_PIDS[@]}"; do
    kill -9 "$pid" 2>/dev/null || true
  done
  # A runtime that failed may leave processes: kill whatever runs in the
  # bundle's rootfs or names this test's dir on its command line.
  if [[ -n "${TEST_DIR:-}" ]]; then
    # One find and one grep over /proc: a fork per process cost a second a test.
    for p in $(find /proc -mindepth 2 -maxdepth 2 -name root -lname "$BUNDLE/rootfs*" 2>/dev/null) \
      $(grep -lsF "$TEST_DIR/" /proc/[0-9]*/cmdline); do
      p=${p#/proc/}
      kill -9 "${p%%/*}" 2>/dev/null || true
    done
    # and cgroups named after this test's ids (children first).
    if [[ -s "$TEST_DIR/ids" ]]; then
      while read -r id; do
        find /sys/fs/cgroup -mindepth 2 -maxdepth 8 -depth -type d -name "$id" \
          -exec rmdir {} \; 2>/dev/null || true
      done <"$TEST_DIR/ids"
    fi
  fi
  for ((m = ${#CLEANUP_MOUNTS[@]} - 1; m >= 0; m--)); do
    umount -l "${CLEANUP_MOUNTS[m]}" 2>/dev/null || true
  done
  for ns in "${CLEANUP_NETNS[@]}"; do
    ip netns delete "$ns" 2>/dev/null || true
  done
  # Nothing may still be mounted below the test dir before it is removed.
  if [[ -n "${TEST_DIR:-}" && -d "$TEST_DIR" ]]; then
    grep -F " $TEST_DIR/" /proc/self/mountinfo | awk '{print $5}' | sort -r |
      while read -r m; do umount -l "$m" 2>/dev/null || true; done
    rm -rf "$TEST_DIR"
  fi
}

# rt ARGS...: the runtime under test with this test's --root.
rt() {
  "$RUNTIME" --root "$ROOT" "$@"
}

# cfg JQ-FILTER [JQ-ARGS...]: edit the bundle's config.json in place.
cfg() {
  local filter=$1
  shift
  local tmp=$BUNDLE/config.json.tmp
  jq "$@" "$filter" "$BUNDLE/config.json" >"$tmp"
  mv "$tmp" "$BUNDLE/config.json"
}

# set_args ARG...: the container's process.args.
set_args() {
  local args
  args=$(jq -nc '$ARGS.positional' --args -- "$@")
  cfg '.process.args = $a' --argjson a "$args"
}

# run_ctr ARG...: `run` the bundle in the foreground (stdin from /dev/null),
# with bats' `run` capturing $status and $output.
run_ctr() {
  run "$RUNTIME" --root "$ROOT" run -b "$BUNDLE" "$CID" "$@" </dev/null
}

# sh_in_ctr SCRIPT: run `sh -c SCRIPT` in a container and capture it; fails
# the test unless the container exited 0.
# $output is the container's stdout only; its stderr is in $stderr.
sh_in_ctr() {
  set_args sh -c "$1"
  run --separate-stderr "$RUNTIME" --root "$ROOT" run -b "$BUNDLE" "$CID" </dev/null
  if [[ "$status" -ne 0 ]]; then
    echo "container exited $status: $output / $stderr" >&2
    return 1
  fi
}

# start_bg [ID]: run the bundle detached (the container runs `sleep`-like
# args set by the caller) and wait until it is running.
start_bg() {
  local id=${1:-$CID}
  "$RUNTIME" --root "$ROOT" run -d -b "$BUNDLE" "$id" </dev/null >/dev/null
  wait_status "$id" running
}

# state_field ID JQ: one field of `state`.
state_field() {
  rt state "$1" | jq -r "$2"
}

# wait_status ID STATUS [SECONDS]: poll `state` until it reports STATUS.
wait_status() {
  local id=$1 want=$2 limit=${3:-5} got=""
  local deadline=$((SECONDS + limit))
  while ((SECONDS <= deadline)); do
    got=$(rt state "$id" 2>/dev/null | jq -r .status 2>/dev/null || true)
    [[ "$got" == "$want" ]] && return 0
    sleep 0.05
  done
  echo "container $id: status '$got', wanted '$want'" >&2
  return 1
}

# wait_for_file PATH [SECONDS]
wait_for_file() {
  local path=$1 limit=${2:-5}
  local deadline=$((SECONDS + limit))
  while ((SECONDS <= deadline)); do
    [[ -s "$path" ]] && return 0
    sleep 0.05
  done
  echo "timed out waiting for $path" >&2
  return 1
}

fail() {
  echo "$@" >&2
  return 1
}

# assert_output_has REGEX: $output (from bats' run) matches an ERE.
assert_output_has() {
  grep -Eq -- "$1" <<<"$output" || fail "output does not match /$1/: $output"
}

# assert_failed_with REGEX: the last `run` failed and its output names REGEX.
assert_failed_with() {
  [[ "$status" -ne 0 ]] || fail "expected failure, got status 0: $output"
  assert_output_has "$1"
}

# host_cgroup_dir PID CONTROLLER: the v1 cgroup directory of PID on the host.
host_cgroup_dir() {
  local pid=$1 ctrl=$2 line path
  line=$(grep -E "^[0-9]+:([^:]*,)?$ctrl(,[^:]*)?:" "/proc/$pid/cgroup")
  path=${line#*:*:}
  echo "/sys/fs/cgroup/$ctrl$path"
}

# assert_no_leaks ID: nothing of container ID is left on the host: no state
# dir under --root, no mount mentioning the bundle, no cgroup directory named
# after the id in any hierarchy, no process whose root is the bundle's rootfs.
assert_no_leaks() {
  local id=$1 p r found
  [[ ! -e "$ROOT/$id" ]] || fail "state dir left behind: $ROOT/$id"
  if grep -F "$BUNDLE" /proc/self/mountinfo; then
    fail "mounts of the bundle left behind"
  fi
  found=$(find /sys/fs/cgroup -mindepth 2 -maxdepth 8 -type d -name "$id" 2>/dev/null || true)
  [[ -z "$found" ]] || fail "cgroup directories left behind: $found"
  # A pivot_root'ed process shows its root as "/", so processes are found by
  # their rootfs (no pivot) and by a cgroup named after the id.
  for p in $(find /proc -mindepth 2 -maxdepth 2 -name root -lname "$BUNDLE/rootfs*" 2>/dev/null) \
    $(grep -lsE "/$id(/|\$)" /proc/[0-9]*/cgroup); do
    p=${p%/*}
    fail "process left behind: ${p#/proc/} $(tr '\0' ' ' <"$p/cmdline" 2>/dev/null)"
  done
  if "$RUNTIME" --root "$ROOT" state "$id" >/dev/null 2>&1; then
    fail "state still answers for $id"
  fi
}

# cap_mask NAME...: the /proc/PID/status hex mask of a set of capabilities.
cap_mask() {
  local -A bit=(
    [CAP_CHOWN]=0 [CAP_DAC_OVERRIDE]=1 [CAP_DAC_READ_SEARCH]=2 [CAP_FOWNER]=3
    [CAP_FSETID]=4 [CAP_KILL]=5 [CAP_SETGID]=6 [CAP_SETUID]=7 [CAP_SETPCAP]=8
    [CAP_LINUX_IMMUTABLE]=9 [CAP_NET_BIND_SERVICE]=10 [CAP_NET_BROADCAST]=11
    [CAP_NET_ADMIN]=12 [CAP_NET_RAW]=13 [CAP_IPC_LOCK]=14 [CAP_IPC_OWNER]=15
    [CAP_SYS_MODULE]=16 [CAP_SYS_RAWIO]=17 [CAP_SYS_CHROOT]=18 [CAP_SYS_PTRACE]=19
    [CAP_SYS_PACCT]=20 [CAP_SYS_ADMIN]=21 [CAP_SYS_BOOT]=22 [CAP_SYS_NICE]=23
    [CAP_SYS_RESOURCE]=24 [CAP_SYS_TIME]=25 [CAP_SYS_TTY_CONFIG]=26 [CAP_MKNOD]=27
    [CAP_LEASE]=28 [CAP_AUDIT_WRITE]=29 [CAP_AUDIT_CONTROL]=30 [CAP_SETFCAP]=31
    [CAP_MAC_OVERRIDE]=32 [CAP_MAC_ADMIN]=33 [CAP_SYSLOG]=34 [CAP_WAKE_ALARM]=35
    [CAP_BLOCK_SUSPEND]=36 [CAP_AUDIT_READ]=37 [CAP_PERFMON]=38 [CAP_BPF]=39
    [CAP_CHECKPOINT_RESTORE]=40
  )
  local mask=0 c
  for c in "$@"; do
    mask=$((mask | (1 << ${bit[$c]})))
  done
  printf '%016x\n' "$mask"
}

# wait_for_socket PATH [SECONDS]
wait_for_socket() {
  local path=$1 limit=${2:-5}
  local deadline=$((SECONDS + limit))
  until [[ -S "$path" ]]; do
    ((SECONDS <= deadline)) || fail "timed out waiting for socket $path"
    sleep 0.05
  done
}

# wait_gone PID [SECONDS]: PID exits (a zombie counts as gone: its parent
# may be a host process that reaps it later).
wait_gone() {
  local pid=$1 limit=${2:-5} st
  local deadline=$((SECONDS + limit))
  while st=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) && [[ -n "$st" && "$st" != Z ]]; do
    ((SECONDS <= deadline)) || fail "process $pid is still alive (state $st)"
    sleep 0.05
  done
}

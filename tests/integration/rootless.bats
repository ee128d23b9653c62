#!/usr/bin/env bats
# Rootless: an unprivileged user runs containers. The suite makes that user
# (strata-rootless, with /etc/subuid and /etc/subgid ranges), gives it a copy of
# the bundle, and drives the runtime through runuser. On a cgroup v2 host (the
# guest of `make integration-v2`) a delegated subtree is used for limits.

load helpers

ROOTLESS_USER=strata-rootless

setup_file() {
  resolve_runtime
  local spec_runtime
  spec_runtime=$(command -v runc || echo "$RUNTIME")
  export TEMPLATE=$BATS_FILE_TMPDIR/template
  "$REPO_ROOT/scripts/mkbundle.sh" "$TEMPLATE" "$spec_runtime" -- sh >/dev/null
  if ! id "$ROOTLESS_USER" >/dev/null 2>&1; then
    useradd --create-home --shell /bin/sh "$ROOTLESS_USER"
  fi
  local uid
  uid=$(id -u "$ROOTLESS_USER")
  grep -q "^$ROOTLESS_USER:" /etc/subuid || echo "$ROOTLESS_USER:200000:65536" >>/etc/subuid
  grep -q "^$ROOTLESS_USER:" /etc/subgid || echo "$ROOTLESS_USER:200000:65536" >>/etc/subgid
  command -v newuidmap >/dev/null || skip "newuidmap missing (scripts/setup.sh installs uidmap)"
  export ROOTLESS_UID=$uid ROOTLESS_GID
  ROOTLESS_GID=$(id -g "$ROOTLESS_USER")
  # The runtime binary must be reachable by the user: a copy outside root's dirs.
  # (bats' own temporary dirs are private to root.)
  RL_DIR=$(mktemp -d /tmp/strata-rootless-rt.XXXXXX)
  export RL_DIR RL_RUNTIME=$RL_DIR/$(basename "$RUNTIME")
  cp "$RUNTIME" "$RL_RUNTIME"
  chmod 0755 "$RL_DIR" "$RL_RUNTIME"
}

teardown_file() {
  [[ -z "${RL_DIR:-}" ]] || rm -rf "$RL_DIR"
}

setup() {
  TEST_DIR=$(mktemp -d /tmp/strata-it.XXXXXX)
  chmod 0755 "$TEST_DIR"
  ROOT=$TEST_DIR/state
  BUNDLE=$TEST_DIR/bundle
  HOSTDIR=$TEST_DIR/host
  XDG=$TEST_DIR/xdg
  mkdir -p "$BUNDLE" "$HOSTDIR" "$XDG"
  cp -a "$TEMPLATE/rootfs" "$BUNDLE/rootfs"
  (cd "$BUNDLE" && "$RUNTIME" spec --rootless)
  # `spec --rootless` maps container root to the caller: here, the rootless user.
  cfg '.process.terminal = false
       | .linux.uidMappings = [{"containerID": 0, "hostID": $u, "size": 1}]
       | .linux.gidMappings = [{"containerID": 0, "hostID": $g, "size": 1}]' \
    --argjson u "$ROOTLESS_UID" --argjson g "$ROOTLESS_GID"
  chown -R "$ROOTLESS_USER:" "$TEST_DIR"
  chmod 0700 "$XDG"
  CID=$(new_id)
  CLEANUP_NETNS=()
  CLEANUP_MOUNTS=()
  CLEANUP_PIDS=()
}

teardown() {
  local id
  if [[ -d "${ROOT:-}" ]]; then
    for id in $(as_user "$RL_RUNTIME" --root "$ROOT" list -q 2>/dev/null); do
      as_user timeout 10 "$RL_RUNTIME" --root "$ROOT" delete --force "$id" >/dev/null 2>&1 || true
    done
  fi
  pkill -9 -u "$ROOTLESS_USER" 2>/dev/null || true
  [[ -z "${DELEGATED:-}" ]] || cleanup_delegation
  [[ -z "${TEST_DIR:-}" ]] || rm -rf "$TEST_DIR"
}

# as_user CMD...: CMD as the rootless user, with XDG_RUNTIME_DIR set.
as_user() {
  runuser -u "$ROOTLESS_USER" -- env XDG_RUNTIME_DIR="$XDG" HOME="$TEST_DIR" "$@"
}

# urt ARGS...: the runtime as the rootless user with this test's --root.
urt() {
  as_user "$RL_RUNTIME" --root "$ROOT" "$@"
}

@test "rootless: run as an unprivileged user: root inside, the user outside, nothing left" {
  set_args sh -c 'id -u; cat /proc/self/uid_map; cat /proc/self/setgroups; echo hostname=$(hostname)'
  run --separate-stderr urt run -b "$BUNDLE" "$CID" </dev/null
  [ "$status" -eq 0 ] || fail "run failed ($status): $output / $stderr"
  [ "${lines[0]}" = 0 ]
  [[ "${lines[1]}" =~ ^[[:space:]]*0[[:space:]]+$ROOTLESS_UID[[:space:]]+1$ ]] || fail "uid_map: ${lines[1]}"
  # An unprivileged single-id gid map requires setgroups to be denied.
  [ "${lines[2]}" = deny ]
  [ ! -e "$ROOT/$CID" ]
}

@test "rootless: the lifecycle: create, state, start, kill, delete; the processes belong to the user" {
  set_args sleep 30
  # Not under bats' `run`: the container keeps the inherited stdout open.
  urt create -b "$BUNDLE" "$CID" </dev/null >/dev/null
  [ "$(urt state "$CID" | jq -r .status)" = created ]
  urt start "$CID"
  local pid
  pid=$(urt state "$CID" | jq -r .pid)
  [ "$(urt state "$CID" | jq -r .status)" = running ]
  [ "$(stat -c %u "/proc/$pid")" = "$ROOTLESS_UID" ] || fail "init is not owned by the user"
  grep -E "^Uid:[[:space:]]+$ROOTLESS_UID[[:space:]]" "/proc/$pid/status"
  urt kill "$CID" KILL
  wait_gone "$pid"
  urt delete "$CID"
  [ ! -e "$ROOT/$CID" ]
  ! grep -qF "$BUNDLE" /proc/self/mountinfo
}

@test "rootless: several id ranges go through newuidmap/newgidmap (subordinate ids)" {
  local sub
  sub=$(awk -F: -v u="$ROOTLESS_USER" '$1 == u {print $2; exit}' /etc/subuid)
  cfg '.linux.uidMappings = [{"containerID": 0, "hostID": $u, "size": 1}, {"containerID": 1, "hostID": $s, "size": 65536}]
       | .linux.gidMappings = [{"containerID": 0, "hostID": $g, "size": 1}, {"containerID": 1, "hostID": $s, "size": 65536}]' \
    --argjson u "$ROOTLESS_UID" --argjson g "$ROOTLESS_GID" --argjson s "$sub"
  set_args sh -c 'wc -l </proc/self/uid_map; chown 1000:1000 /tmp && echo "chown=$(stat -c %u:%g /tmp)"'
  cfg '.mounts += [{"destination": "/tmp", "type": "tmpfs", "source": "tmpfs", "options": ["size=1m"]}]
       | .process.capabilities.effective += ["CAP_CHOWN"] | .process.capabilities.permitted += ["CAP_CHOWN"]
       | .process.capabilities.bounding += ["CAP_CHOWN"]'
  run --separate-stderr urt run -b "$BUNDLE" "$CID" </dev/null
  [ "$status" -eq 0 ] || fail "run failed ($status): $output / $stderr"
  [ "${lines[0]}" = 2 ]
  # uid 1000 exists inside only through the subordinate range.
  [ "${lines[1]}" = chown=1000:1000 ]
}

@test "rootless: a range the user does not own is refused with the helper's reason, nothing left" {
  cfg '.linux.uidMappings = [{"containerID": 0, "hostID": 0, "size": 1}, {"containerID": 1, "hostID": 1, "size": 10}]'
  set_args true
  run urt run -b "$BUNDLE" "$CID" </dev/null
  [ "$status" -ne 0 ]
  if is_strun; then
    assert_output_has "newuidmap"
  fi
  [ ! -e "$ROOT/$CID" ]
  local left; left=$(pgrep -a -r R,S,D,T -u "$ROOTLESS_USER" || true); [ -z "$left" ] || fail "processes left: $left"
}

@test "strun: rootless state defaults to \$XDG_RUNTIME_DIR/strun; undelegated cgroups are skipped with a notice" {
  skip_unless_strun "state location and notice wording"
  [[ "$(stat -f -c %T /sys/fs/cgroup)" != cgroup2fs ]] || skip "v2 host: cgroups may be delegated"
  set_args sleep 30
  as_user "$RL_RUNTIME" run -d -b "$BUNDLE" "$CID" </dev/null >/dev/null 2>"$HOSTDIR/stderr"
  grep -q "cgroups skipped" "$HOSTDIR/stderr" || fail "no notice about cgroups: $(cat "$HOSTDIR/stderr")"
  [ -f "$XDG/strun/$CID/state.json" ]
  [ "$(as_user "$RL_RUNTIME" state "$CID" | jq -r .status)" = running ]
  as_user "$RL_RUNTIME" delete -f "$CID"
  [ ! -e "$XDG/strun/$CID" ]
  [ -z "$(find /sys/fs/cgroup -maxdepth 3 -name "$CID")" ]
}

# On cgroup v2: a subtree owned by the user, holding the shell that runs the runtime.
delegate_v2() {
  DELEGATED=/sys/fs/cgroup/strata-rootless-$$
  mkdir -p "$DELEGATED/shell"
  chown -R "$ROOTLESS_USER:" "$DELEGATED"
  local c
  for c in cpu memory pids; do
    echo "+$c" >"$DELEGATED/cgroup.subtree_control" 2>/dev/null || true
  done
}

cleanup_delegation() {
  local d
  find "$DELEGATED" -mindepth 1 -depth -type d 2>/dev/null | while read -r d; do
    cat "$d/cgroup.procs" 2>/dev/null | while read -r p; do echo "$p" >/sys/fs/cgroup/cgroup.procs 2>/dev/null || true; done
    rmdir "$d" 2>/dev/null || true
  done
  rmdir "$DELEGATED" 2>/dev/null || true
}

@test "rootless on cgroup v2: a delegated subtree is used and its limits hold" {
  [[ "$(stat -f -c %T /sys/fs/cgroup)" == cgroup2fs ]] || skip "needs a cgroup v2 host (make integration-v2)"
  delegate_v2
  local rel=${DELEGATED#/sys/fs/cgroup}
  cfg '.linux.cgroupsPath = $p | .linux.resources = {"pids": {"limit": 17}, "memory": {"limit": 33554432}}' --arg p "$rel/$CID"
  set_args sh -c 'cat /proc/self/cgroup; sleep 30'
  # The runtime runs from inside the delegated subtree, as a user session would.
  # (Moved there by root: leaving the root cgroup needs write access to its cgroup.procs.)
  sh -c 'echo $$ > "$1/shell/cgroup.procs" && exec runuser -u "$7" -- env XDG_RUNTIME_DIR="$2" "$3" --root "$4" run -d -b "$5" "$6"' \
    sh "$DELEGATED" "$XDG" "$RL_RUNTIME" "$ROOT" "$BUNDLE" "$CID" "$ROOTLESS_USER" </dev/null >/dev/null
  [ "$(cat "$DELEGATED/$CID/pids.max")" = 17 ]
  [ "$(cat "$DELEGATED/$CID/memory.max")" = 33554432 ]
  local pid
  pid=$(urt state "$CID" | jq -r .pid)
  grep -qx "$pid" "$DELEGATED/$CID/cgroup.procs"
  urt delete -f "$CID"
  [ ! -e "$DELEGATED/$CID" ]
}

@test "rootless: a Wasm module runs as the unprivileged user's container" {
  skip_unless_strun "runc has no Wasm handler"
  cp "$REPO_ROOT/tests/wasm/files.wat" "$BUNDLE/rootfs/files.wat"
  echo "rootless data" >"$BUNDLE/rootfs/etc/wasm-in.txt"
  mkdir -p "$BUNDLE/rootfs/mnt"
  chown -R "$ROOTLESS_USER:" "$BUNDLE/rootfs"
  cfg '.annotations["run.oci.handler"] = "wasm" | .root.readonly = false'
  set_args /files.wat
  run --separate-stderr urt run -b "$BUNDLE" "$CID" </dev/null
  [ "$status" -eq 0 ] || fail "run failed ($status): $output / $stderr"
  [ "$output" = "rootless data" ] || fail "output: $output"
  # Written as the user's container root: the user's file on the host.
  [ "$(stat -c %U "$BUNDLE/rootfs/wasm-out.txt")" = "$ROOTLESS_USER" ]
  [ ! -e "$ROOT/$CID" ]
}

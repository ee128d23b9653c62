#!/usr/bin/env bats
# containerd drives the runtime under test: its real daemon (Debian's
# containerd) on a private socket with state in a temporary directory, the
# runc v2 shim with BinaryName set to the runtime (`ctr run --runc-binary`),
# and a busybox image imported from a tarball made here. No registry.
# The README's CRI snippet (docs/clients/containerd-strun.toml) is checked by containerd's
# own config loader; no CRI client (crictl, a kubelet) drives it here.

# The integration helpers (runtime resolution, fail, is_strun); this file's own
# setup/teardown functions below replace theirs.
load ../integration/helpers
export BATS_TEST_TIMEOUT=90
IMAGE=docker.io/strata/busybox:latest

setup_file() {
  resolve_runtime
  command -v containerd >/dev/null || skip "containerd is not installed (scripts/setup.sh installs it)"
  export CTRD=$BATS_FILE_TMPDIR/containerd
  mkdir -p "$CTRD"
  cat >"$CTRD/config.toml" <<TOML
version = 2
root = "$CTRD/root"
state = "$CTRD/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$CTRD/containerd.sock"
[ttrpc]
  address = "$CTRD/containerd.sock.ttrpc"
TOML
  containerd --config "$CTRD/config.toml" >"$CTRD/daemon.log" 2>&1 &
  echo $! >"$CTRD/pid"
  local deadline=$((SECONDS + 20))
  until ctr --address "$CTRD/containerd.sock" version >/dev/null 2>&1; do
    ((SECONDS <= deadline)) || { cat "$CTRD/daemon.log" >&2; return 1; }
    sleep 0.2
  done
  "$REPO_ROOT/scripts/mkimage.sh" "$CTRD/busybox.tar" strata/busybox:latest >/dev/null
  ctr --address "$CTRD/containerd.sock" image import "$CTRD/busybox.tar" >/dev/null
}

teardown_file() {
  [[ -n "${CTRD:-}" && -f "$CTRD/pid" ]] || return 0
  local c
  for c in $(c_ctr task ls -q 2>/dev/null); do c_ctr task kill -s KILL "$c" >/dev/null 2>&1 || true; done
  sleep 0.5
  for c in $(c_ctr container ls -q 2>/dev/null); do
    c_ctr task delete "$c" >/dev/null 2>&1 || true
    c_ctr container delete "$c" >/dev/null 2>&1 || true
  done
  kill "$(cat "$CTRD/pid")" 2>/dev/null || true
  sleep 0.5
  # Snapshot mounts of our root, if the daemon left any.
  grep -F " $CTRD/" /proc/self/mountinfo | awk '{print $5}' | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
}

c_ctr() {
  ctr --address "$CTRD/containerd.sock" "$@"
}

setup() {
  NAME=strata-ctr-$BATS_TEST_NUMBER-$RANDOM
}

teardown() {
  c_ctr task kill -s KILL "$NAME" >/dev/null 2>&1 || true
  sleep 0.2
  c_ctr task delete "$NAME" >/dev/null 2>&1 || true
  c_ctr container delete "$NAME" >/dev/null 2>&1 || true
}

# in_tty CMD...: CMD under a pseudo-terminal (util-linux script), output captured.
in_tty() {
  script -qec "$(printf '%q ' "$@")" /dev/null
}

@test "containerd: ctr run through the runtime prints the container's output and exit status" {
  run c_ctr run --rm --runc-binary "$RUNTIME" "$IMAGE" "$NAME" sh -c 'echo hello-from-containerd; exit 4'
  [ "$status" -eq 4 ] || fail "status $status: $output"
  [[ "$output" == *hello-from-containerd* ]]
}

@test "containerd: the shim really called the runtime under test" {
  c_ctr run -d --runc-binary "$RUNTIME" "$IMAGE" "$NAME" sleep 60
  local pid
  pid=$(c_ctr task ls | awk -v n="$NAME" '$1 == n {print $2}')
  [ -n "$pid" ] && kill -0 "$pid"
  # The shim's runtime root is /run/containerd/runc/NAMESPACE: only the runtime that
  # made the container can read its state there.
  run "$RUNTIME" --root /run/containerd/runc/default state "$NAME"
  [ "$status" -eq 0 ] || fail "the runtime has no state for $NAME: $output"
  [ "$(jq -r .status <<<"$output")" = running ]
  [ "$(jq -r .pid <<<"$output")" = "$pid" ]
}

@test "containerd: exec into a running task, with its exit status" {
  c_ctr run -d --runc-binary "$RUNTIME" "$IMAGE" "$NAME" sleep 60
  run c_ctr task exec --exec-id e1 "$NAME" sh -c 'echo exec-ok; ps | grep -c "[s]leep 60"'
  [ "$status" -eq 0 ] || fail "exec: $output"
  [[ "$output" == *exec-ok* ]]
  [[ "$output" == *1* ]]
  run c_ctr task exec --exec-id e2 "$NAME" sh -c 'exit 3'
  [ "$status" -eq 3 ]
}

@test "containerd: kill and delete stop the task and remove it" {
  c_ctr run -d --runc-binary "$RUNTIME" "$IMAGE" "$NAME" sleep 60
  local pid
  pid=$(c_ctr task ls | awk -v n="$NAME" '$1 == n {print $2}')
  c_ctr task kill -s KILL "$NAME"
  local deadline=$((SECONDS + 10))
  until c_ctr task ls | awk -v n="$NAME" '$1 == n {print $3}' | grep -q STOPPED; do
    ((SECONDS <= deadline)) || fail "task did not stop: $(c_ctr task ls)"
    sleep 0.1
  done
  c_ctr task delete "$NAME"
  c_ctr container delete "$NAME"
  ! kill -0 "$pid" 2>/dev/null
  [ -z "$(c_ctr task ls -q | grep -x "$NAME" || true)" ]
}

@test "containerd: a tty session (ctr run -t) gets a pty from the runtime" {
  command -v script >/dev/null || skip "script(1) is needed"
  run in_tty ctr --address "$CTRD/containerd.sock" run -t --rm --runc-binary "$RUNTIME" "$IMAGE" "$NAME" sh -c 'tty; echo tty-done'
  [[ "$output" == */dev/pts/* ]] || fail "no pty: $output"
  [[ "$output" == *tty-done* ]]
}

@test "containerd: exec -t into a running task gets a pty" {
  command -v script >/dev/null || skip "script(1) is needed"
  c_ctr run -d --runc-binary "$RUNTIME" "$IMAGE" "$NAME" sleep 60
  run in_tty ctr --address "$CTRD/containerd.sock" task exec -t --exec-id t1 "$NAME" sh -c 'tty; echo exec-tty-done'
  [[ "$output" == */dev/pts/* ]] || fail "no pty: $output"
  [[ "$output" == *exec-tty-done* ]]
}

@test "containerd: a memory limit from ctr is set on the task's cgroup by the runtime" {
  c_ctr run -d --memory-limit 16777216 --runc-binary "$RUNTIME" "$IMAGE" "$NAME" sleep 60
  local pid line file
  pid=$(c_ctr task ls | awk -v n="$NAME" '$1 == n {print $2}')
  if line=$(grep -E '^[0-9]+:([^:]*,)?memory(,[^:]*)?:' "/proc/$pid/cgroup"); then
    file=/sys/fs/cgroup/memory${line#*:*:}/memory.limit_in_bytes
  else
    line=$(grep '^0::' "/proc/$pid/cgroup")
    file=/sys/fs/cgroup${line#0::}/memory.max
  fi
  [ "$(cat "$file")" = 16777216 ] || fail "$file: $(cat "$file")"
}

@test "containerd: ctr run --annotation run.oci.handler=wasm runs a WASI module through the shim, with its exit status" {
  skip_unless_strun "runc has no Wasm handler"
  local wasm=type=bind,src=$REPO_ROOT/tests/wasm,dst=/wasm,options=rbind:ro
  run c_ctr run --rm --runc-binary "$RUNTIME" --annotation run.oci.handler=wasm --mount "$wasm" \
    "$IMAGE" "$NAME" /wasm/args.wat from-ctr
  [ "$status" -eq 0 ] || fail "status $status: $output"
  [[ "$output" == *"arg:/wasm/args.wat"* && "$output" == *"arg:from-ctr"* ]] || fail "output: $output"
  run c_ctr run --rm --runc-binary "$RUNTIME" --annotation run.oci.handler=wasm --mount "$wasm" \
    "$IMAGE" "$NAME-exit" /wasm/exit.wat
  [ "$status" -eq 42 ] || fail "proc_exit status: $status $output"
}

@test "containerd: the README's CRI snippet loads as a runc-v2 runtime named strun with BinaryName" {
  sed "s|^  BinaryName = .*|  BinaryName = \"$RUNTIME\"|" "$REPO_ROOT/docs/clients/containerd-strun.toml" >"$CTRD/strun.toml"
  # The CRI plugin enabled (only for this dump: the daemon under test runs without it).
  printf 'version = 2\nroot = "%s"\nstate = "%s"\nimports = ["%s"]\n' \
    "$CTRD/cri-root" "$CTRD/cri-state" "$CTRD/strun.toml" >"$CTRD/cri.toml"
  run containerd --config "$CTRD/cri.toml" config dump
  [ "$status" -eq 0 ] || fail "config dump: $output"
  local table
  table=$(awk '/runtimes\.strun\]/ {on = 1} on && /^ *\[/ && !/runtimes\.strun/ {on = 0} on' <<<"$output")
  [[ "$table" == *'runtime_type = "io.containerd.runc.v2"'* ]] || fail "runtime_type: $table"
  [[ "$table" == *"BinaryName = \"$RUNTIME\""* ]] || fail "BinaryName: $table"
}

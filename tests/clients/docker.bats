#!/usr/bin/env bats
# Docker drives the runtime under test: Debian's dockerd (20.10) with its own daemon.json
# (docs/clients/docker-daemon.json, the README's snippet, with the runtime under test as
# the path of its "strun" runtime), socket, pidfile, data and exec roots in a temporary
# directory, no iptables (containers run with --network none), and a busybox image from
# `docker load`. No registry.
#
# The host's Docker is left alone: dockerd runs in a network namespace of its own
# (unshare --net), so its bridge setup cannot touch the host's interfaces (with
# --bridge=none, dockerd deletes any interface named docker0 it sees: it took the host's
# docker0 when it ran in the host's namespace), and --config-file keeps it from reading
# the host's /etc/docker/daemon.json.

load ../integration/helpers
export BATS_TEST_TIMEOUT=120
IMAGE=strata/busybox:latest

setup_file() {
  resolve_runtime
  command -v dockerd >/dev/null || skip "dockerd is not installed (scripts/setup.sh installs docker.io)"
  export DK=$BATS_FILE_TMPDIR/docker
  mkdir -p "$DK"
  jq --arg path "$RUNTIME" '.runtimes.strun.path = $path' "$REPO_ROOT/docs/clients/docker-daemon.json" >"$DK/daemon.json"
  unshare --net dockerd --config-file "$DK/daemon.json" --data-root "$DK/root" --exec-root "$DK/exec" \
    --pidfile "$DK/dockerd.pid" -H "unix://$DK/docker.sock" \
    --iptables=false --ip6tables=false --bridge=none >"$DK/daemon.log" 2>&1 &
  local deadline=$((SECONDS + 40))
  until d version >/dev/null 2>&1; do
    ((SECONDS <= deadline)) || { tail -20 "$DK/daemon.log" >&2; return 1; }
    sleep 0.3
  done
  "$REPO_ROOT/scripts/mkimage.sh" "$DK/busybox.tar" "$IMAGE" >/dev/null
  d load -i "$DK/busybox.tar" >/dev/null
}

teardown_file() {
  [[ -n "${DK:-}" ]] || return 0
  d rm -f $(d ps -aq 2>/dev/null) >/dev/null 2>&1 || true
  [[ -f "$DK/dockerd.pid" ]] && kill "$(cat "$DK/dockerd.pid")" 2>/dev/null
  local deadline=$((SECONDS + 15))
  while [[ -f "$DK/dockerd.pid" ]] && kill -0 "$(cat "$DK/dockerd.pid")" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  grep -F " $DK/" /proc/self/mountinfo | awk '{print $5}' | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
}

@test "docker: the daemon ran in its own network namespace: the host's interfaces are untouched" {
  local pid
  pid=$(cat "$DK/dockerd.pid")
  [ "$(readlink "/proc/$pid/ns/net")" != "$(readlink /proc/self/ns/net)" ] || fail "dockerd shares the host's network namespace"
  run d info --format '{{json .Runtimes}}'
  [[ "$output" == *'"strun"'* && "$output" == *"$RUNTIME"* ]] || fail "the strun runtime from daemon.json is not registered: $output"
}

# d ARGS...: Debian's docker client (the one matching dockerd) on our socket.
d() {
  /usr/bin/docker -H "unix://$DK/docker.sock" "$@"
}

setup() {
  NAME=strata-dk-$BATS_TEST_NUMBER-$RANDOM
}

teardown() {
  d rm -f "$NAME" >/dev/null 2>&1 || true
}

drun() {
  d run --runtime strun --network none "$@"
}

@test "docker: run --runtime through the runtime under test, with Docker's seccomp profile" {
  run drun --rm --name "$NAME" "$IMAGE" sh -c 'echo hello-from-docker; grep ^Seccomp: /proc/self/status; exit 6'
  [ "$status" -eq 6 ] || fail "status $status: $output"
  [[ "$output" == *hello-from-docker* ]]
  [[ "$output" == *"Seccomp:"*2* ]] || fail "no seccomp filter: $output"
}

@test "docker: the container was made by the runtime under test" {
  drun -d --name "$NAME" "$IMAGE" sleep 60
  local id
  id=$(d inspect -f '{{.Id}}' "$NAME")
  # dockerd's containerd shim keeps the runtime's root under the exec root (runtime-runc
  # whatever the runtime's name: dockerd 20.10's shim options use its default's name).
  run "$RUNTIME" --root "$DK/exec/runtime-runc/moby" state "$id"
  [ "$status" -eq 0 ] || fail "the runtime has no state for $id: $output"
  [ "$(jq -r .status <<<"$output")" = running ]
}

@test "docker: exec, with its exit status" {
  drun -d --name "$NAME" "$IMAGE" sleep 60
  run d exec "$NAME" sh -c 'echo exec-ok; ps | grep -c "[s]leep 60"'
  [ "$status" -eq 0 ] || fail "exec: $output"
  [[ "$output" == *exec-ok* ]]
  run d exec "$NAME" sh -c 'exit 5'
  [ "$status" -eq 5 ]
}

@test "docker: stop delivers SIGTERM to the process, and logs keep its output" {
  drun -d --name "$NAME" "$IMAGE" sh -c 'echo started; trap "echo got-term; exit 0" TERM; while :; do sleep 0.1; done'
  local deadline=$((SECONDS + 10))
  until d logs "$NAME" 2>&1 | grep -q started; do
    ((SECONDS <= deadline)) || fail "no output: $(d logs "$NAME" 2>&1)"
    sleep 0.1
  done
  d stop -t 10 "$NAME"
  run d logs "$NAME"
  [[ "$output" == *started* && "$output" == *got-term* ]] || fail "logs: $output"
  [ "$(d inspect -f '{{.State.ExitCode}}' "$NAME")" = 0 ]
}

@test "docker: run -it gets a pty through the runtime" {
  command -v script >/dev/null || skip "script(1) is needed"
  run script -qec "/usr/bin/docker -H unix://$DK/docker.sock run --rm -it --runtime strun --network none $IMAGE sh -c 'tty; echo it-done'" /dev/null
  [[ "$output" == */dev/pts/* ]] || fail "no pty: $output"
  [[ "$output" == *it-done* ]]
}

@test "docker: --memory 16m is enforced: a process that needs more is OOM-killed" {
  run drun --rm --name "$NAME" --memory 16m "$IMAGE" sh -c \
    'cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max
     dd if=/dev/zero bs=1M count=64 2>/dev/null | tail >/dev/null; echo "rc=$?"'
  [[ "$output" == *16777216* ]] || fail "limit not seen: $output"
  [[ "$output" == *rc=137* ]] || fail "the allocation was not killed: $output"
}

@test "docker: restart policy on-failure restarts the container" {
  drun -d --name "$NAME" --restart on-failure:2 "$IMAGE" sh -c 'echo run; exit 1'
  local deadline=$((SECONDS + 30))
  until [ "$(d inspect -f '{{.RestartCount}} {{.State.Status}}' "$NAME")" = "2 exited" ]; do
    ((SECONDS <= deadline)) || fail "restarts: $(d inspect -f '{{.RestartCount}} {{.State.Status}}' "$NAME")"
    sleep 0.2
  done
  [ "$(d logs "$NAME" | grep -c '^run$')" -eq 3 ]
}

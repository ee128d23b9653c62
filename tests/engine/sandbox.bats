#!/usr/bin/env bats
# strata sandbox: a host command with a read-only system, a fresh /tmp, a writable work
# directory and none of the host's secrets.

load helpers

sandbox_setup() {
  export XDG_RUNTIME_DIR=$TEST_DIR/xdg
  mkdir -p "$XDG_RUNTIME_DIR" "$TEST_DIR/work"
  chmod 0755 "$TEST_DIR/work"
  cd "$TEST_DIR/work"
}

@test "exit code, stdin and stdout pass through" {
  sandbox_setup
  run strata sandbox -- sh -c 'exit 7'
  [ "$status" -eq 7 ]
  run sh -c 'echo piped | "$STRATA" sandbox -- cat'
  [ "$output" = piped ]
  [ -z "$(ls -A "$XDG_RUNTIME_DIR")" ]
}

@test "system directories read-only, /etc secrets masked, no home, fresh /tmp" {
  sandbox_setup
  touch /tmp/strata-host-marker-$$
  run strata sandbox -- sh -c '
    ls /usr/bin/env >/dev/null && echo usr-visible
    touch /usr/strata-x 2>/dev/null || echo usr-readonly
    [ -s /etc/shadow ] || echo shadow-masked
    [ -e /root/. ] && ls /root | head -1 || echo no-root-home
    ls /tmp | grep -c strata-host-marker || true
    touch /tmp/inside && echo tmp-writable'
  rm -f /tmp/strata-host-marker-$$
  [[ "$output" == *usr-visible* ]]
  [[ "$output" == *usr-readonly* ]]
  [[ "$output" == *shadow-masked* ]]
  [[ "$output" == *no-root-home* ]]
  [[ "$output" == *$'\n'0$'\n'* ]]
  [[ "$output" == *tmp-writable* ]]
  [ ! -e /usr/strata-x ]
  [ ! -e /tmp/inside ]
}

@test "the work directory is writable, the rest of the host is not" {
  sandbox_setup
  mkdir -p "$TEST_DIR/extra" "$TEST_DIR/ro"
  run strata sandbox --rw "$TEST_DIR/extra" --ro "$TEST_DIR/ro" -- sh -c '
    echo made >result && echo also >'"$TEST_DIR"'/extra/f && ls '"$TEST_DIR"'/ro >/dev/null && echo ro-visible
    touch '"$TEST_DIR"'/ro/g 2>/dev/null || echo ro-readonly
    touch '"$TEST_DIR"'/outside 2>/dev/null; touch /etc/strata-outside 2>/dev/null || echo etc-denied'
  [ "$(cat "$TEST_DIR/work/result")" = made ]
  [ "$(cat "$TEST_DIR/extra/f")" = also ]
  [[ "$output" == *ro-visible* && "$output" == *ro-readonly* && "$output" == *etc-denied* ]]
  # Under the sandbox's own /tmp, a write outside the shared paths lands in its tmpfs only.
  [ ! -e "$TEST_DIR/outside" ] && [ ! -e "$TEST_DIR/ro/g" ] && [ ! -e /etc/strata-outside ]
}

@test "environment allow-list, no capabilities, seccomp, user namespace, no network" {
  sandbox_setup
  run env SECRET_TOKEN=hunter2 SSH_AUTH_SOCK=/tmp/agent "$STRATA" sandbox -- sh -c '
    env; grep -E "^(CapEff|CapBnd|NoNewPrivs|Seccomp):" /proc/self/status; cat /proc/self/uid_map; cat /proc/net/dev'
  [ "$status" -eq 0 ]
  [[ "$output" != *hunter2* ]]
  [[ "$output" != *SSH_AUTH_SOCK* ]]
  [[ "$output" == *"HOME=/tmp"* ]]
  [[ "$output" == *"CapEff:"*"0000000000000000"* ]]
  [[ "$output" == *"CapBnd:"*"0000000000000000"* ]]
  [[ "$output" == *"NoNewPrivs:"*1* ]]
  [[ "$output" == *"Seccomp:"*2* ]]
  [[ "$output" != *"4294967295"* ]]
  # Only loopback without --net.
  [ "$(echo "$output" | grep -cE '^ *[a-z0-9]+:' | head -1)" -ge 1 ]
  [[ "$output" != *eth0* ]]
  run strata sandbox --net -- cat /proc/net/dev
  [ "$(echo "$output" | grep -cE '^ *[a-z0-9]+:')" -ge "$(grep -cE '^ *[a-z0-9]+:' /proc/net/dev)" ]
}

@test "--timeout kills the whole tree and exits 124" {
  sandbox_setup
  start=$(date +%s%N)
  run strata sandbox --timeout 1s -- sh -c 'sleep 4242 & sleep 4243 & wait'
  elapsed=$((($(date +%s%N) - start) / 1000000))
  [ "$status" -eq 124 ]
  [[ "$output" == *"timed out"* ]]
  [ "$elapsed" -lt 5000 ]
  sleep 0.2
  ! pgrep -f 'sleep 424[23]'
}

@test "a command that is not found: exit 127, one line, nothing made" {
  sandbox_setup
  run -127 strata sandbox -- no-such-command-strata
  [ "$status" -eq 127 ]
  assert_one_line
  [[ "$output" == *"command not found: no-such-command-strata"* ]]
  [ -z "$(ls -A "$XDG_RUNTIME_DIR")" ]
}

@test "an unprivileged user runs strata sandbox (strun's rootless mode)" {
  sandbox_setup
  [[ "$(basename "$RUNTIME")" == strun* ]] || skip "rootless checked with strun"
  command -v setpriv >/dev/null || skip "setpriv missing"
  setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$STRATA" || skip "the build directory is not reachable by nobody"
  home=$TEST_DIR/nobody
  mkdir -p "$home/xdg" "$home/work"
  chown -R 65534:65534 "$home"
  cd "$home/work"
  run setpriv --reuid=65534 --regid=65534 --clear-groups env -i PATH=/usr/bin:/bin HOME="$home" \
    XDG_RUNTIME_DIR="$home/xdg" STRATA_ROOT="$home/root" "$STRATA" sandbox --runtime "$RUNTIME" -- sh -c 'id -u; echo ok >file; exit 3'
  echo "$output"
  [ "$status" -eq 3 ]
  # The caller is root of its user namespace; what it writes belongs to it outside.
  [ "${lines[-1]}" = 0 ]
  [ "$(cat "$home/work/file")" = ok ]
  [ "$(stat -c %u "$home/work/file")" = 65534 ]
}

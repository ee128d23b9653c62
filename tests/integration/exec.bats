#!/usr/bin/env bats
# exec: a new process inside a running container. It must join every namespace
# and the cgroup, take the container's defaults (capabilities, seccomp, env),
# honour the overrides, and pass its exit status through.

load helpers

# start_sleeper: a detached container whose init sleeps.
start_sleeper() {
  set_args sleep 300
  start_bg
  INIT_PID=$(state_field "$CID" .pid)
}

@test "exec: joins the container's pid, mount, uts, ipc and net namespaces and its cgroup" {
  cfg '.hostname = "exec-host"'
  start_sleeper
  run --separate-stderr rt exec "$CID" sh -c 'hostname; ps | grep -c "[s]leep 300"
    for n in pid mnt uts ipc net; do readlink /proc/self/ns/$n; done; echo $$; sleep 0.3'
  [ "$status" -eq 0 ] || fail "exec failed: $output / $stderr"
  [ "${lines[0]}" = exec-host ]
  [ "${lines[1]}" = 1 ]
  local i=2 n
  for n in pid mnt uts ipc net; do
    [ "${lines[i]}" = "$(readlink "/proc/$INIT_PID/ns/$n")" ] || fail "$n namespace differs: ${lines[i]}"
    i=$((i + 1))
  done
}

@test "exec: the process is in the container's cgroup while it runs" {
  start_sleeper
  rt exec -d --pid-file "$HOSTDIR/exec.pid" "$CID" sleep 30
  local pid
  pid=$(cat "$HOSTDIR/exec.pid")
  [ -n "$pid" ] && kill -0 "$pid"
  diff <(cut -d: -f2- "/proc/$INIT_PID/cgroup" | sort) <(cut -d: -f2- "/proc/$pid/cgroup" | sort)
  # It is in the container's pid namespace, not in the host's alone.
  [ "$(readlink "/proc/$pid/ns/pid")" = "$(readlink "/proc/$INIT_PID/ns/pid")" ]
  rt delete -f "$CID"
  wait_gone "$pid"
  assert_no_leaks "$CID"
}

@test "exec: the exit status is passed through, and 128+n for a signal" {
  start_sleeper
  run rt exec "$CID" sh -c 'exit 7'
  [ "$status" -eq 7 ]
  run rt exec "$CID" sh -c 'kill -TERM $$'
  [ "$status" -eq 143 ]
  run rt exec "$CID" true
  [ "$status" -eq 0 ]
}

@test "exec: --env, --cwd, --user and --additional-gids override the container's process" {
  cfg '.process.env += ["FROM_CONFIG=1", "OVERRIDDEN=old"]'
  start_sleeper
  run --separate-stderr rt exec --env OVERRIDDEN=new --env ADDED=yes --cwd /tmp --user 1000:1000 \
    --additional-gids 10 --additional-gids 20 "$CID" sh -c 'echo $FROM_CONFIG $OVERRIDDEN $ADDED; pwd; id -u; id -g; id -G'
  [ "$status" -eq 0 ] || fail "exec failed: $output / $stderr"
  [ "${lines[0]}" = "1 new yes" ]
  [ "${lines[1]}" = /tmp ]
  [ "${lines[2]}" = 1000 ]
  [ "${lines[3]}" = 1000 ]
  [[ " ${lines[4]} " == *" 10 "* && " ${lines[4]} " == *" 20 "* ]] || fail "groups: ${lines[4]}"
}

@test "exec: the container's capabilities by default; --cap adds one; --no-new-privs" {
  cfg '.process.noNewPrivileges = false'
  start_sleeper
  run rt exec "$CID" grep -E '^(CapEff|CapBnd|NoNewPrivs):' /proc/self/status
  local want
  want=$(cap_mask CAP_AUDIT_WRITE CAP_KILL CAP_NET_BIND_SERVICE)
  assert_output_has "CapEff:[[:space:]]+$want"
  assert_output_has "NoNewPrivs:[[:space:]]+0"
  run rt exec --cap CAP_SYS_ADMIN --no-new-privs "$CID" grep -E '^(CapEff|NoNewPrivs):' /proc/self/status
  want=$(cap_mask CAP_AUDIT_WRITE CAP_KILL CAP_NET_BIND_SERVICE CAP_SYS_ADMIN)
  assert_output_has "CapEff:[[:space:]]+$want"
  assert_output_has "NoNewPrivs:[[:space:]]+1"
}

@test "exec -p process.json: the whole process from the file" {
  start_sleeper
  cat >"$HOSTDIR/process.json" <<'JSON'
{"terminal": false, "user": {"uid": 1000, "gid": 1000}, "args": ["sh", "-c", "id -u; echo $ONLY; pwd"],
 "env": ["PATH=/bin", "ONLY=from-file"], "cwd": "/dev", "noNewPrivileges": true}
JSON
  run --separate-stderr rt exec -p "$HOSTDIR/process.json" "$CID"
  [ "$status" -eq 0 ] || fail "exec failed: $output / $stderr"
  [ "${lines[0]}" = 1000 ]
  [ "${lines[1]}" = from-file ]
  [ "${lines[2]}" = /dev ]
}

@test "exec: the container's seccomp filter applies to the new process" {
  cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64"],
        "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}'
  start_sleeper
  run rt exec "$CID" sh -c 'mkdir /dev/shm/x 2>/dev/null; echo "mkdir=$?"; grep ^Seccomp: /proc/self/status'
  assert_output_has "^mkdir=1$"
  assert_output_has "^Seccomp:[[:space:]]+2$"
}

@test "exec: in a container with a user namespace" {
  cfg '.linux.namespaces += [{"type": "user"}]
       | .linux.uidMappings = [{"containerID": 0, "hostID": 100000, "size": 65536}]
       | .linux.gidMappings = [{"containerID": 0, "hostID": 100000, "size": 65536}]
       | .mounts |= map(select(.type != "cgroup"))'
  chown -R 100000:100000 "$BUNDLE/rootfs"
  start_sleeper
  run --separate-stderr rt exec "$CID" sh -c 'id -u; cat /proc/self/uid_map'
  [ "$status" -eq 0 ] || fail "exec failed: $output / $stderr"
  [ "${lines[0]}" = 0 ]
  [[ "${lines[1]}" =~ ^[[:space:]]*0[[:space:]]+100000[[:space:]]+65536$ ]] || fail "uid_map: ${lines[1]}"
}

@test "exec --tty --console-socket hands a pty master to the receiver" {
  command -v python3 >/dev/null || skip "python3 is needed for the console receiver"
  start_sleeper
  local sock=$TEST_DIR/console.sock out=$HOSTDIR/console.out
  python3 "$BATS_TEST_DIRNAME/recvtty.py" "$sock" "$out" &
  CLEANUP_PIDS+=($!)
  local recv=$!
  wait_for_socket "$sock"
  rt exec -d -t --console-socket "$sock" "$CID" sh -c 'tty; [ -t 0 ] && [ -t 1 ] && echo stdio-is-a-tty'
  wait "$recv"
  grep -q '^/dev/pts/[0-9]' "$out"
  grep -q '^stdio-is-a-tty' "$out"
}

@test "exec: a stopped container, a paused one and a bad command are refused clearly" {
  start_sleeper
  run rt exec "$CID" no-such-binary
  [ "$status" -ne 0 ]
  assert_output_has 'no-such-binary'
  run rt exec --user nobody:x "$CID" true
  [ "$status" -ne 0 ]
  rt pause "$CID"
  run rt exec "$CID" true
  assert_failed_with "paused"
  rt resume "$CID"
  rt kill "$CID" KILL
  wait_status "$CID" stopped
  run rt exec "$CID" true
  assert_failed_with "stopped"
  run rt exec no-such-container-strata true
  assert_failed_with "does not exist"
  rt delete "$CID"
  assert_no_leaks "$CID"
}

@test "exec --ignore-paused: the process starts frozen and runs once resumed" {
  start_sleeper
  rt pause "$CID"
  # In the background: runc returns only once the process has exec'd, i.e. after resume.
  rt exec -d --ignore-paused "$CID" sh -c 'echo ran >/dev/shm/marker' &
  local execer=$!
  sleep 0.5
  rt resume "$CID"
  wait "$execer"
  local deadline=$((SECONDS + 5))
  until rt exec "$CID" cat /dev/shm/marker 2>/dev/null | grep -q ran; do
    ((SECONDS <= deadline)) || fail "the exec'd process never ran after resume"
    sleep 0.1
  done
}

@test "exec: nothing of the exec'd process is left after it exits" {
  start_sleeper
  rt exec "$CID" sh -c 'sleep 0.1 & wait'
  local procs
  procs=$(rt ps "$CID" | tail -n +2 | wc -l)
  [ "$procs" -eq 1 ] || fail "expected only the init, got $procs: $(rt ps "$CID")"
}

@test "exec: rlimits and oomScoreAdj of a process.json are applied" {
  start_sleeper
  cat >"$HOSTDIR/process.json" <<'JSON'
{"terminal": false, "user": {"uid": 0, "gid": 0}, "args": ["sh", "-c", "cat /proc/self/oom_score_adj; ulimit -n"],
 "env": ["PATH=/bin"], "cwd": "/", "oomScoreAdj": 321,
 "rlimits": [{"type": "RLIMIT_NOFILE", "soft": 77, "hard": 77}]}
JSON
  run --separate-stderr rt exec -p "$HOSTDIR/process.json" "$CID"
  [ "$status" -eq 0 ] || fail "exec failed: $output / $stderr"
  # runc 1.1 applies oomScoreAdj at create only, not to an exec'd process.
  if is_strun; then [ "${lines[0]}" = 321 ]; fi
  [ "${lines[1]}" = 77 ]
}

# keyring_setup: the keyprobe helper in the rootfs and $HOSTDIR at /host; the init writes
# what its own session keyring is to /host/init.keys, then sleeps.
keyring_setup() {
  command -v keyctl >/dev/null || skip "keyctl (Debian keyutils, scripts/setup.sh) is needed"
  cc -static -O -o "$BUNDLE/rootfs/bin/keyprobe" "$BATS_TEST_DIRNAME/keyprobe.c"
  cfg '.mounts += [{"destination": "/host", "type": "bind", "source": $h, "options": ["rbind", "rw"]}]' --arg h "$HOSTDIR"
  set_args sh -c 'keyprobe >/host/init.keys; exec sleep 300'
}

# exec_in_keyring_session ARGS...: `exec` run from a shell whose session keyring holds the
# user key strata-caller-key, as a user's login session would.
exec_in_keyring_session() {
  run --separate-stderr keyctl session - "$BASH" -c \
    'keyctl add user strata-caller-key s3cret @s >/dev/null && exec "$@"' keyring-session "$RUNTIME" --root "$ROOT" "$@"
}

@test "exec: the process joins the container's session keyring and never sees the caller's keys" {
  keyring_setup
  start_bg
  wait_for_file "$HOSTDIR/init.keys"
  local init
  init=$(cat "$HOSTDIR/init.keys")
  [[ "$init" == "session "*" _ses.$CID" ]] || fail "the init's session keyring: $init"
  exec_in_keyring_session exec "$CID" keyprobe strata-caller-key
  [ "$status" -eq 0 ] || fail "exec failed: $output / $stderr"
  [ "${lines[0]}" = "$init" ] || fail "exec'd process: '${lines[0]}', the init: '$init'"
  [ "${lines[1]}" = "missing strata-caller-key" ] || fail "the caller's key reached the container: $output"
  # Detached too (no terminal, no waiting parent).
  rt exec -d "$CID" sh -c 'keyprobe strata-caller-key >/host/detached.keys'
  wait_for_file "$HOSTDIR/detached.keys"
  grep -qx "missing strata-caller-key" "$HOSTDIR/detached.keys"
}

@test "exec: in a user namespace, the process joins the container's keyring too" {
  keyring_setup
  cfg '.linux.namespaces += [{"type": "user"}]
       | .linux.uidMappings = [{"containerID": 0, "hostID": 100000, "size": 65536}]
       | .linux.gidMappings = [{"containerID": 0, "hostID": 100000, "size": 65536}]
       | .mounts |= map(select(.type != "cgroup"))'
  chown -R 100000:100000 "$BUNDLE/rootfs"
  chmod 0777 "$HOSTDIR"
  start_bg
  wait_for_file "$HOSTDIR/init.keys"
  local init
  init=$(cat "$HOSTDIR/init.keys")
  exec_in_keyring_session exec --user 1000:1000 "$CID" keyprobe strata-caller-key
  [ "$status" -eq 0 ] || fail "exec failed: $output / $stderr"
  [ "${lines[1]}" = "missing strata-caller-key" ] || fail "the caller's key reached the container: $output"
  [[ "${lines[0]}" == *" _ses.$CID" ]] || fail "exec'd process: '${lines[0]}'"
  # runc 1.1.5 does not find the init's keyring from inside a user namespace: it makes a
  # new empty one of the same name (safe, but not the container's own).
  if is_strun; then
    [ "${lines[0]}" = "$init" ] || fail "exec'd process: '${lines[0]}', the init: '$init'"
  fi
}

@test "exec: after create --no-new-keyring, exec joins no container keyring either" {
  keyring_setup
  rt create --no-new-keyring -b "$BUNDLE" "$CID" </dev/null
  rt start "$CID"
  wait_for_file "$HOSTDIR/init.keys"
  ! grep -q "_ses.$CID" "$HOSTDIR/init.keys" || fail "--no-new-keyring, yet the init has one: $(cat "$HOSTDIR/init.keys")"
  exec_in_keyring_session exec "$CID" keyprobe
  [ "$status" -eq 0 ] || fail "exec failed: $output / $stderr"
  [[ "${lines[0]}" != *"_ses.$CID" ]] || fail "exec joined the container keyring despite --no-new-keyring: $output"
}

#!/usr/bin/env bats
# The audit log and the syscall monitor: concurrent strun processes append to one
# hash chain without losing or interleaving records; `strata audit verify` names an
# edited or removed record; `strata audit serve` catches, records and answers the
# sensitive syscalls of real containers, survives a flood, and can be killed and
# restarted while containers run.

load helpers
load policy_helpers

setup_file() {
  base_setup_file
  # Raw-syscall probes in the rootfs: one call (syscall.c) and a flood (flood.c).
  cc -static -O -o "$TEMPLATE/rootfs/bin/syscall" "$BATS_TEST_DIRNAME/syscall.c"
  cc -static -O -o "$TEMPLATE/rootfs/bin/flood" "$BATS_TEST_DIRNAME/flood.c"
}

setup() {
  base_setup
  policy_setup
  SOCK=$TEST_DIR/monitor.sock
  MONITOR_POLICY=$TEST_DIR/monitor-policy.json
  jq --arg log "$AUDIT_LOG" '.audit.path = $log' "$REPO_ROOT/policies/monitor.json" >"$MONITOR_POLICY"
}

# x86-64 syscall numbers the probes use.
NR_UNSHARE=272

# Eight deny rules that all match runc's default config: each denied create writes 8 records.
EIGHT='[
  {"id": "r1", "severity": "low", "effect": "deny", "match": {"runAsRoot": true}},
  {"id": "r2", "severity": "low", "effect": "deny", "match": {"seccompUnconfined": true}},
  {"id": "r3", "severity": "medium", "effect": "deny", "match": {"missingLimits": ["memory"]}},
  {"id": "r4", "severity": "medium", "effect": "deny", "match": {"missingLimits": ["pids"]}},
  {"id": "r5", "severity": "high", "effect": "deny", "match": {"hostNamespaces": ["user"]}},
  {"id": "r6", "severity": "high", "effect": "deny", "match": {"hostNamespaces": ["cgroup"]}},
  {"id": "r7", "severity": "critical", "effect": "deny", "match": {"capabilities": ["CAP_KILL"]}},
  {"id": "r8", "severity": "critical", "effect": "deny", "match": {"missingLimits": ["cpu"]}}]'

# deny_many N: N denied `run`s from parallel strun processes (8 records each).
deny_many() {
  local n=$1 i pids=()
  write_policy "$POLICY" "$EIGHT"
  set_args true
  for ((i = 0; i < n; i++)); do
    "$RUNTIME" --root "$ROOT" --policy "$POLICY" run -b "$BUNDLE" "par-$i" </dev/null >/dev/null 2>&1 &
    pids+=($!)
  done
  # Only these: a bare `wait` would also wait for bats' own timeout watchdog.
  wait "${pids[@]}" || true
}

@test "audit log: 320 records from 40 parallel strun processes, none lost, none interleaved" {
  skip_unless_strun "--policy is Strata's"
  deny_many 40
  [[ $(wc -l <"$AUDIT_LOG") -eq 320 ]] || fail "$(wc -l <"$AUDIT_LOG") lines"
  # Every line is one whole record; each container has its 8; seq runs 1..320.
  jq -se 'length == 320 and ([.[].seq] == [range(1; 321)])
          and (group_by(.id) | length == 40 and all(.[]; length == 8 and ([.[].rule] | sort) == ["r1","r2","r3","r4","r5","r6","r7","r8"]))' \
    "$AUDIT_LOG" >/dev/null || fail "bad records"
  # A container's records are contiguous: one append per create.
  jq -se '[.[].id] | [range(0; length; 8) as $i | .[$i:$i+8] | unique | length] | all(. == 1)' "$AUDIT_LOG" >/dev/null ||
    fail "records of one create are interleaved with another's"
  run strata audit verify --log "$AUDIT_LOG"
  [[ "$status" -eq 0 ]] || fail "verify: $output"
  assert_output_has "ok, 320 records, chain intact"
  assert_no_leaks par-0
}

@test "audit verify: an edited line and a removed line are detected and named" {
  skip_unless_strun "--policy is Strata's"
  deny_many 3
  cp "$AUDIT_LOG" "$TEST_DIR/good"
  run strata audit verify --log "$AUDIT_LOG"
  [[ "$status" -eq 0 ]] || fail "verify of an untouched log: $output"
  # Edited: record 5 now claims an allow.
  sed -i '5s/"decision":"deny"/"decision":"allow"/' "$AUDIT_LOG"
  ! cmp -s "$AUDIT_LOG" "$TEST_DIR/good"
  run strata audit verify --log "$AUDIT_LOG"
  [[ "$status" -eq 1 ]] || fail "edited log verified: $output"
  assert_output_has "record at line 5 is bad: its hash does not match its content"
  # Removed: line 7 gone.
  cp "$TEST_DIR/good" "$AUDIT_LOG"
  sed -i '7d' "$AUDIT_LOG"
  run strata audit verify --log "$AUDIT_LOG"
  [[ "$status" -eq 1 ]] || fail "log with a removed line verified: $output"
  assert_output_has "record at line 7 is bad: .*removed"
  # Removed from the end: the head file knows the last seq.
  cp "$TEST_DIR/good" "$AUDIT_LOG"
  sed -i '$d' "$AUDIT_LOG"
  run strata audit verify --log "$AUDIT_LOG"
  [[ "$status" -eq 1 ]] || fail "truncated log verified: $output"
  assert_output_has "removed from the end"
}

# start_monitor [POLICY]: `strata audit serve` on $SOCK, in the background.
start_monitor() {
  # The binary itself, not the strata() function: $! must be the monitor's pid.
  "$STRATA" audit serve --socket "$SOCK" --policy "${1:-$MONITOR_POLICY}" >>"$TEST_DIR/monitor.out" 2>&1 &
  MONITOR_PID=$!
  CLEANUP_PIDS+=("$MONITOR_PID")
  wait_for_socket "$SOCK"
}

# monitored: the shipped monitor profile (strata audit profile) as the container's seccomp,
# with CAP_SYS_ADMIN so that only the monitor stands between it and mount/unshare.
monitored() {
  cfg '.linux.seccomp = $p | .root.readonly = false
       | .process.capabilities.bounding += ["CAP_SYS_ADMIN"] | .process.capabilities.effective += ["CAP_SYS_ADMIN"]
       | .process.capabilities.permitted += ["CAP_SYS_ADMIN"]' \
    --argjson p "$(strata audit profile --socket "$SOCK")"
}

# wait_for_records JQ-FILTER [SECONDS]: until the audit log has a record matching it.
wait_for_records() {
  local filter=$1 limit=${2:-10}
  local deadline=$((SECONDS + limit))
  until [[ -s "$AUDIT_LOG" ]] && jq -se "any(.[]; $filter)" "$AUDIT_LOG" >/dev/null 2>&1; do
    ((SECONDS <= deadline)) || fail "no record matching $filter in: $(tail -c 2000 "$AUDIT_LOG" 2>/dev/null)"
    sleep 0.1
  done
}

@test "monitor: mount and unshare in a container are caught, recorded and denied; other syscalls are unaffected" {
  start_monitor
  monitored
  sh_in_ctr 'mkdir -p /mnt/t; mount -t tmpfs none /mnt/t 2>&1; echo "mount=$?"; unshare -n true 2>&1; echo "unshare=$?"
             echo data >/tmp/f && cat /tmp/f; ls /proc/self/fd >/dev/null && echo ls=ok; grep -c " /mnt/t " /proc/self/mounts || true'
  assert_output_has "^mount=1$"
  assert_output_has "^unshare: unshare\\(0x40000000\\): Operation not permitted$"
  assert_output_has "^unshare=1$"
  assert_output_has "^data$"
  assert_output_has "^ls=ok$"
  assert_output_has "^0$"
  wait_for_records "$(printf '.id == "%s" and .syscall == "mount" and .decision == "deny" and .answer == "EPERM" and .rule == "no-mount" and .strings.arg1 == "/mnt/t" and .pid > 0' "$CID")"
  wait_for_records "$(printf '.id == "%s" and .syscall == "unshare" and .decision == "deny" and .args[0] == "0x40000000"' "$CID")"
  run strata audit verify --log "$AUDIT_LOG"
  [[ "$status" -eq 0 ]] || fail "verify: $output"
  assert_no_leaks "$CID"
}

@test "monitor: an allow rule lets the syscall run (continue), and it is recorded" {
  jq '.syscalls.rules = [{"id": "mount-ok", "severity": "low", "effect": "allow", "names": ["mount"]}] + .syscalls.rules' \
    "$MONITOR_POLICY" >"$TEST_DIR/allow-mount.json"
  start_monitor "$TEST_DIR/allow-mount.json"
  monitored
  sh_in_ctr 'mkdir -p /mnt/t; mount -t tmpfs none /mnt/t && echo mounted; grep -c " /mnt/t " /proc/self/mounts'
  assert_output_has "^mounted$"
  assert_output_has "^1$"
  wait_for_records "$(printf '.id == "%s" and .syscall == "mount" and .decision == "allow" and .answer == "continue" and .rule == "mount-ok"' "$CID")"
}

@test "monitor: a flooding container neither starves another nor floods the log" {
  start_monitor
  monitored
  mount_bind_hostdir
  local flooder=$CID other
  other=$(new_id)
  set_args sh -c "echo >/host/flood.started; flood 100000 $NR_UNSHARE 0 >/host/flood.out; echo done >>/host/flood.out"
  rt run -d -b "$BUNDLE" "$flooder" </dev/null >/dev/null
  # Meanwhile another container's calls are answered and recorded.
  set_args sh -c 'for i in 1 2 3; do mount -t tmpfs none /tmp 2>/dev/null; echo "mount=$?"; done'
  wait_for_file "$HOSTDIR/flood.started"
  run --separate-stderr timeout 20 "$RUNTIME" --root "$ROOT" run -b "$BUNDLE" "$other" </dev/null
  [[ "$status" -eq 0 ]] || fail "second container: $status $output $stderr"
  # It was served while the flood went on.
  ! grep -q '^done$' "$HOSTDIR/flood.out" 2>/dev/null || fail "the flood was over before the second container ran"
  [[ $(grep -c '^mount=1$' <<<"$output") -eq 3 ]] || fail "$output"
  wait_for_file "$HOSTDIR/flood.out" 30
  local deadline=$((SECONDS + 30))
  until grep -q '^done$' "$HOSTDIR/flood.out"; do
    ((SECONDS <= deadline)) || fail "the flood did not finish: $(cat "$HOSTDIR/flood.out")"
    sleep 0.2
  done
  grep -q '^calls 100000 ok 0 eperm 100000 enosys 0 other 0$' "$HOSTDIR/flood.out" || fail "flood: $(cat "$HOSTDIR/flood.out")"
  # Every one of the other container's calls has its own record.
  wait_for_records "$(printf '.id == "%s" and .syscall == "mount"' "$other")"
  [[ $(jq -s --arg id "$other" '[.[] | select(.id == $id and .syscall == "mount")] | length' "$AUDIT_LOG") -eq 3 ]]
  # The flood: each call is in the log once, as a record or in a suppressed count, and
  # the individual records are bounded (50 per container per second).
  deadline=$((SECONDS + 10))
  until [[ $(jq -s --arg id "$flooder" '[.[] | select(.id == $id and .syscall == "unshare") | (.suppressed // 1)] | add // 0' "$AUDIT_LOG") -eq 100000 ]]; do
    ((SECONDS <= deadline)) || fail "flood accounted: $(jq -s --arg id "$flooder" '[.[] | select(.id == $id and .syscall == "unshare") | (.suppressed // 1)] | add' "$AUDIT_LOG")"
    sleep 0.2
  done
  local single
  single=$(jq -s --arg id "$flooder" '[.[] | select(.id == $id and .syscall == "unshare" and .suppressed == null)] | length' "$AUDIT_LOG")
  ((single < 2000)) || fail "$single individual records for a flood of 100000"
  kill -0 "$MONITOR_PID" || fail "the monitor died"
  run strata audit verify --log "$AUDIT_LOG"
  [[ "$status" -eq 0 ]] || fail "verify: $output"
}

# mount_bind_hostdir: $HOSTDIR at /host in the container.
mount_bind_hostdir() {
  cfg '.mounts += [{"destination": "/host", "type": "bind", "source": $h, "options": ["rbind", "rw"]}]' --arg h "$HOSTDIR"
}

@test "monitor: killed and restarted while containers run; ENOSYS meanwhile, no host impact" {
  start_monitor
  monitored
  mount_bind_hostdir
  # A running container that tries unshare(0) every 100 ms and reports the answer.
  set_args sh -c "while :; do syscall $NR_UNSHARE 0 >/host/r.tmp; mv /host/r.tmp /host/r; sleep 0.1; done"
  start_bg "$CID"
  wait_for_file "$HOSTDIR/r"
  local deadline=$((SECONDS + 10))
  until grep -q '^errno 1$' "$HOSTDIR/r"; do ((SECONDS <= deadline)) || fail "not denied: $(cat "$HOSTDIR/r")"; sleep 0.1; done
  kill -9 "$MONITOR_PID"
  wait_gone "$MONITOR_PID"
  # The kernel answers the notified syscalls itself now: ENOSYS (38), not a hang.
  deadline=$((SECONDS + 10))
  until grep -q '^errno 38$' "$HOSTDIR/r"; do ((SECONDS <= deadline)) || fail "no ENOSYS: $(cat "$HOSTDIR/r")"; sleep 0.1; done
  [[ $(state_field "$CID" .status) == running ]]
  # The host is unaffected: its own unshare and mount work.
  unshare -m true
  # A new container cannot start without the monitor: create fails naming the socket.
  local late
  late=$(new_id)
  set_args true
  run rt run -b "$BUNDLE" "$late" </dev/null
  assert_failed_with "monitor\\.sock"
  assert_no_leaks "$late"
  # Restarted on the same (stale) socket: new containers are watched again.
  start_monitor
  local again
  again=$(new_id)
  set_args sh -c 'unshare -n true 2>/dev/null; echo "unshare=$?"'
  run --separate-stderr rt run -b "$BUNDLE" "$again" </dev/null
  [[ "$status" -eq 0 ]] || fail "$output $stderr"
  assert_output_has "^unshare=1$"
  wait_for_records "$(printf '.id == "%s" and .syscall == "unshare" and .decision == "deny"' "$again")"
  # The first container's filter lost its listener for good: still ENOSYS.
  sleep 0.3
  grep -q '^errno 38$' "$HOSTDIR/r" || fail "after restart: $(cat "$HOSTDIR/r")"
  rt delete -f "$CID"
  assert_no_leaks "$CID"
  run strata audit verify --log "$AUDIT_LOG"
  [[ "$status" -eq 0 ]] || fail "verify: $output"
}

@test "monitor: a second monitor on a live socket is refused; SIGTERM removes the socket" {
  start_monitor
  run strata audit serve --socket "$SOCK" --policy "$MONITOR_POLICY"
  assert_failed_with "another monitor is already serving"
  kill -TERM "$MONITOR_PID"
  wait_gone "$MONITOR_PID"
  [[ ! -e "$SOCK" ]] || fail "socket left behind"
}

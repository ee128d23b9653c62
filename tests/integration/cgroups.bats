#!/usr/bin/env bats
# cgroups: limits the container feels, live updates, pause/resume, events and
# stats, ps, and nothing left behind. Runs on this host's v1 (hybrid) layout
# and, through `make test-v2`, in a KVM guest where cgroup2 is the only
# hierarchy. Every assertion is about what the process inside saw or what the
# host's cgroup files show.

load helpers

# True on a pure cgroup v2 host.
cgroup_v2() {
  [[ "$(stat -fc %T /sys/fs/cgroup)" == cgroup2fs ]]
}

# ctr_cgroup PID CONTROLLER: the host directory of PID's cgroup for a
# controller (v1), or its one cgroup directory (v2).
ctr_cgroup() {
  local pid=$1 ctrl=$2
  if cgroup_v2; then
    echo "/sys/fs/cgroup$(sed -n 's/^0:://p' "/proc/$pid/cgroup")"
  else
    host_cgroup_dir "$pid" "$ctrl"
  fi
}

# A shell loop inside the container that publishes, every 50 ms, the value of
# the first readable cgroup file among its arguments (the v1 name under the
# controller's directory, then the v2 name), to /host/NAME. The file is
# renamed into place, so the host never reads half a value.
publisher() {
  local name=$1
  shift
  echo "while true; do for f in $*; do if [ -r \$f ]; then cat \$f >/host/$name.tmp; mv /host/$name.tmp /host/$name; break; fi; done; sleep 0.05; done"
}

# host_bind: the test's scratch dir is /host inside the container.
host_bind() {
  cfg '.mounts += [{"destination": "/host", "type": "bind", "source": $src, "options": ["rbind", "rw"]}]' \
    --arg src "$HOSTDIR"
}

# wait_value FILE VALUE [SECONDS]: FILE holds exactly VALUE.
wait_value() {
  local file=$1 want=$2 limit=${3:-5} got=""
  local deadline=$((SECONDS + limit))
  while ((SECONDS <= deadline)); do
    got=$(cat "$file" 2>/dev/null || true)
    [[ "$got" == "$want" ]] && return 0
    sleep 0.05
  done
  fail "$file holds '$got', wanted '$want'"
}

@test "an 8 MiB memory limit OOM-kills a process that allocates more, and events reports it" {
  host_bind
  cfg '.linux.resources.memory = {"limit": 8388608, "swap": 8388608}'
  # The allocation waits for a go signal so `events` watches before it starts.
  set_args sh -c 'while [ ! -e /host/go ]; do sleep 0.05; done; x=aaaaaaaaaaaaaaaa; while true; do x=$x$x; done'
  start_bg
  rt events --interval 60s "$CID" >"$HOSTDIR/events" 2>"$HOSTDIR/events.err" &
  CLEANUP_PIDS+=($!)
  sleep 0.5
  touch "$HOSTDIR/go"
  wait_status "$CID" stopped 20
  # events notices the OOM within its poll; give it a moment to print.
  local deadline=$((SECONDS + 5))
  until grep -q '"type":"oom"' "$HOSTDIR/events"; do
    ((SECONDS <= deadline)) || fail "no oom event: $(cat "$HOSTDIR/events" "$HOSTDIR/events.err")"
    sleep 0.1
  done
  jq -e --arg id "$CID" 'select(.type == "oom") | .id == $id' "$HOSTDIR/events" >/dev/null
  rt delete "$CID"
  assert_no_leaks "$CID"
}

@test "a pids limit stops a fork bomb" {
  host_bind
  cfg '.linux.resources.pids = {"limit": 16}'
  # 100 forks, each child lingering: far past the limit, bounded in case the
  # limit is not applied. The shell reports the failed forks on stderr.
  # A shell whose fork fails exits, so the loop runs in a child shell and the
  # init carries on without forking.
  set_args sh -c 'sh -c "i=0; while [ \$i -lt 100 ]; do sleep 30 & i=\$((i+1)); done" 2>/host/err; echo forked >/host/done; exec sleep 30'
  start_bg
  wait_for_file "$HOSTDIR/done" 20
  pid=$(state_field "$CID" .pid)
  dir=$(ctr_cgroup "$pid" pids)
  current=$(cat "$dir/pids.current")
  ((current <= 16)) || fail "pids.current is $current with a limit of 16"
  ((current >= 10)) || fail "pids.current is only $current: the loop did not run"
  grep -qi "fork" "$HOSTDIR/err" || fail "no fork failure reported: $(cat "$HOSTDIR/err")"
  rt delete --force "$CID"
  assert_no_leaks "$CID"
}

@test "cpu quota throttling shows up in events --stats" {
  cfg '.linux.resources.cpu = {"quota": 10000, "period": 100000}'
  set_args sh -c 'while true; do :; done'
  start_bg
  sleep 1.5
  run rt events --stats "$CID"
  [[ "$status" -eq 0 ]] || fail "events --stats failed: $output"
  jq -e --arg id "$CID" '.type == "stats" and .id == $id' <<<"$output" >/dev/null ||
    fail "not a stats event: $output"
  # runc's field names (types.Throttling): periods, throttledPeriods, throttledTime.
  jq -e '.data.cpu.usage.total > 0 and .data.cpu.throttling.periods > 0
         and .data.cpu.throttling.throttledPeriods > 0 and .data.cpu.throttling.throttledTime > 0' \
    <<<"$output" >/dev/null || fail "no throttling in: $(jq -c .data.cpu <<<"$output")"
  # 10% of one cpu for 1.5 s: nowhere near a full second of cpu time.
  jq -e '.data.cpu.usage.total < 600000000' <<<"$output" >/dev/null ||
    fail "quota not enforced: $(jq -c .data.cpu.usage <<<"$output")"
  jq -e '.data.memory.usage.usage > 0 and .data.pids.current >= 1' <<<"$output" >/dev/null ||
    fail "memory or pids missing: $output"
  rt delete --force "$CID"
}

@test "update changes the limits the container sees" {
  host_bind
  cfg '.linux.resources.pids = {"limit": 100} | .linux.resources.memory = {"limit": 67108864}'
  set_args sh -c "$(publisher pids /sys/fs/cgroup/pids/pids.max /sys/fs/cgroup/pids.max) &
    $(publisher mem /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/memory.max)"
  start_bg
  wait_value "$HOSTDIR/pids" 100
  wait_value "$HOSTDIR/mem" 67108864
  rt update --pids-limit 30 --memory 32m --memory-swap 64m --cpu-quota 20000 --cpu-period 100000 "$CID"
  wait_value "$HOSTDIR/pids" 30
  wait_value "$HOSTDIR/mem" 33554432
  pid=$(state_field "$CID" .pid)
  cpu=$(ctr_cgroup "$pid" cpu)
  if cgroup_v2; then
    [[ "$(cat "$cpu/cpu.max")" == "20000 100000" ]] || fail "cpu.max: $(cat "$cpu/cpu.max")"
  else
    [[ "$(cat "$cpu/cpu.cfs_quota_us")" == 20000 ]] || fail "cfs_quota_us: $(cat "$cpu/cpu.cfs_quota_us")"
  fi
  # The same through -r with a resources document on stdin.
  echo '{"pids": {"limit": 12}}' | rt update -r - "$CID"
  wait_value "$HOSTDIR/pids" 12
  rt delete --force "$CID"
}

@test "update refuses bad values and names them; a stopped container cannot be updated" {
  set_args sleep 30
  start_bg
  run rt update --memory 12parsecs "$CID"
  assert_failed_with "12parsecs"
  run rt update --pids-limit lots "$CID"
  assert_failed_with "lots"
  run rt update -r "$TEST_DIR/nonexistent.json" "$CID"
  assert_failed_with "nonexistent.json"
  run rt update --pids-limit 5 "no-such-$CID"
  assert_failed_with "does not exist"
  if is_strun; then
    # The kernel refuses this cpuset; strun names the OCI field and the value.
    run rt update --cpuset-cpus 4095 "$CID"
    assert_failed_with "linux.resources.cpu.cpus.*4095"
  fi
  rt kill "$CID" KILL
  wait_status "$CID" stopped
  run rt update --pids-limit 5 "$CID"
  [[ "$status" -ne 0 ]] || fail "update of a stopped container succeeded"
  rt delete "$CID"
}

@test "pause stops the container's progress and resume restarts it" {
  host_bind
  set_args sh -c 'i=0; while true; do i=$((i+1)); echo $i >/host/c.tmp; mv /host/c.tmp /host/counter; sleep 0.02; done'
  start_bg
  wait_for_file "$HOSTDIR/counter"
  rt pause "$CID"
  [[ "$(state_field "$CID" .status)" == paused ]]
  pid=$(state_field "$CID" .pid)
  if cgroup_v2; then
    grep -qx "frozen 1" "$(ctr_cgroup "$pid" "")/cgroup.events"
  else
    [[ "$(cat "$(ctr_cgroup "$pid" freezer)/freezer.state")" == FROZEN ]]
  fi
  [[ "$(awk '{print $3}' "/proc/$pid/stat")" != R ]]
  first=$(cat "$HOSTDIR/counter")
  sleep 0.5
  second=$(cat "$HOSTDIR/counter")
  [[ "$first" == "$second" ]] || fail "counter moved while paused: $first -> $second"
  run rt pause "$CID"
  [[ "$status" -ne 0 ]] || fail "a second pause succeeded"
  rt resume "$CID"
  [[ "$(state_field "$CID" .status)" == running ]]
  sleep 0.5
  third=$(cat "$HOSTDIR/counter")
  ((third > second)) || fail "counter did not move after resume: $second -> $third"
  run rt resume "$CID"
  assert_failed_with "not paused"
  rt delete --force "$CID"
  assert_no_leaks "$CID"
}

@test "a paused container can be killed and deleted" {
  set_args sleep 60
  start_bg
  rt pause "$CID"
  rt delete --force "$CID"
  assert_no_leaks "$CID"
}

@test "device rules deny a device the config does not allow, and allow one it does" {
  [[ -c /dev/kmsg ]] || skip "no /dev/kmsg on this host"
  # /dev/kmsg (c 1:11) is bind-mounted in, so only the device rules stand
  # between the container and the device.
  cfg '.mounts += [{"destination": "/dev/kmsg", "type": "bind", "source": "/dev/kmsg", "options": ["bind"]}]'
  cfg '.linux.resources.devices = [{"allow": false, "access": "rwm"}]'
  sh_in_ctr 'if echo strata-denied >/dev/kmsg; then echo opened; else echo refused; fi 2>&1'
  assert_output_has "refused"
  assert_output_has "[Oo]peration not permitted"

  CID=$(new_id)
  cfg '.linux.resources.devices += [{"allow": true, "type": "c", "major": 1, "minor": 11, "access": "w"}]'
  sh_in_ctr 'if echo "strata device rule test" >/dev/kmsg; then echo opened; else echo refused; fi 2>&1'
  assert_output_has "^opened"
}

@test "ps lists exactly the container's processes" {
  set_args sh -c 'sleep 1000 & sleep 1000 & wait'
  start_bg
  pid=$(state_field "$CID" .pid)
  local deadline=$((SECONDS + 5))
  until [[ "$(rt ps --format json "$CID" | jq length)" == 3 ]]; do
    ((SECONDS <= deadline)) || fail "ps never listed 3 processes: $(rt ps --format json "$CID")"
    sleep 0.05
  done
  run rt ps --format json "$CID"
  mapfile -t listed < <(jq '.[]' <<<"$output" | sort -n)
  # Exactly the processes in the container's pid namespace.
  ns=$(readlink "/proc/$pid/ns/pid")
  mapfile -t expected < <(for p in /proc/[0-9]*; do
    [[ "$(readlink "$p/ns/pid" 2>/dev/null)" == "$ns" ]] && echo "${p#/proc/}"
  done | sort -n)
  [[ "${listed[*]}" == "${expected[*]}" ]] || fail "ps: ${listed[*]}, host: ${expected[*]}"
  [[ " ${listed[*]} " == *" $pid "* ]]
  # The table form: the header and one line per process.
  run rt ps "$CID"
  [[ "$status" -eq 0 ]]
  [[ "${lines[0]}" == *PID* ]]
  [[ "${#lines[@]}" -eq 4 ]] || fail "table: $output"
  [[ "$(grep -c ' sleep 1000$' <<<"$output")" -eq 2 ]] || fail "table: $output"
  # ps options pass through.
  run rt ps "$CID" -o pid,comm
  [[ "$status" -eq 0 && "${lines[0]}" =~ PID.*COMMAND ]] || fail "ps -o: $output"
  [[ "${#lines[@]}" -eq 4 ]]
  if is_strun; then
    # runc hands a "--" on to ps, which refuses it; strun ends its options there.
    run rt ps "$CID" -- -o pid,comm
    [[ "$status" -eq 0 && "${lines[0]}" =~ PID.*COMMAND && "${#lines[@]}" -eq 4 ]] || fail "ps -- -o: $output"
  fi
  rt delete --force "$CID"
}

@test "an absolute cgroupsPath is used in every hierarchy and removed by delete" {
  local path="/strata-it-$CID/inner"
  cfg '.linux.cgroupsPath = $p | .linux.resources.pids = {"limit": 50}' --arg p "$path"
  set_args sleep 60
  start_bg
  pid=$(state_field "$CID" .pid)
  if cgroup_v2; then
    grep -qx "0::$path" "/proc/$pid/cgroup"
    [[ "$(cat "/sys/fs/cgroup$path/pids.max")" == 50 ]]
  else
    for ctrl in memory pids cpu freezer devices; do
      grep -Eq "^[0-9]+:([^:]*,)?$ctrl(,[^:]*)?:$path\$" "/proc/$pid/cgroup" ||
        fail "$ctrl: $(cat "/proc/$pid/cgroup")"
    done
  fi
  rt delete --force "$CID"
  found=$(find /sys/fs/cgroup -mindepth 1 -maxdepth 3 -type d -path "*/strata-it-$CID/inner" 2>/dev/null || true)
  [[ -z "$found" ]] || fail "cgroup left behind: $found"
  if is_strun; then
    # strun also removes the parent it made (runc leaves it).
    found=$(find /sys/fs/cgroup -mindepth 1 -maxdepth 2 -type d -name "strata-it-$CID" 2>/dev/null || true)
    [[ -z "$found" ]] || fail "parent cgroup left behind: $found"
  fi
  find /sys/fs/cgroup -mindepth 1 -maxdepth 2 -depth -type d -name "strata-it-$CID" -exec rmdir {} + 2>/dev/null || true
}

@test "a limit the kernel refuses fails create, names the field, and leaves nothing behind" {
  cfg '.linux.resources.cpu = {"cpus": "4095"}'
  set_args true
  run rt create -b "$BUNDLE" "$CID"
  [[ "$status" -ne 0 ]] || fail "create succeeded with cpus 4095"
  if is_strun; then
    assert_output_has "linux.resources.cpu.cpus"
    assert_output_has "4095"
  fi
  assert_no_leaks "$CID"
}

@test "hugepage limits land in whichever hierarchy has hugetlb" {
  [[ -n "$(ls /sys/kernel/mm/hugepages 2>/dev/null)" ]] || skip "no hugepage sizes on this kernel"
  if ! cgroup_v2 && [[ ! -d /sys/fs/cgroup/hugetlb ]]; then
    # This machine: hybrid, with hugetlb only in the cgroup2 mount. runc 1.1
    # fails here ("cannot set hugetlb limit"); strun writes it through cgroup2.
    skip_unless_strun "hugetlb through cgroup2 on a hybrid host"
  fi
  cfg '.linux.resources.hugepageLimits = [{"pageSize": "2MB", "limit": 4194304}]'
  set_args sleep 60
  start_bg
  pid=$(state_field "$CID" .pid)
  if [[ -d /sys/fs/cgroup/hugetlb ]]; then
    file="$(host_cgroup_dir "$pid" hugetlb)/hugetlb.2MB.limit_in_bytes"
  elif cgroup_v2; then
    file="$(ctr_cgroup "$pid" "")/hugetlb.2MB.max"
  else
    file="/sys/fs/cgroup/unified$(sed -n 's/^0:://p' "/proc/$pid/cgroup")/hugetlb.2MB.max"
  fi
  [[ "$(cat "$file")" == 4194304 ]] || fail "$file: $(cat "$file")"
  rt delete --force "$CID"
  assert_no_leaks "$CID"
}

@test "checkBeforeUpdate refuses a memory limit below the current usage" {
  skip_unless_strun "runc 1.1 checks this on cgroup v2 only"
  host_bind
  cfg '.linux.resources.memory = {"limit": 67108864, "checkBeforeUpdate": true}'
  # Hold about 8 MiB in a shell variable.
  set_args sh -c 'x=aaaaaaaaaaaaaaaa; i=0; while [ $i -lt 19 ]; do x=$x$x; i=$((i+1)); done; echo held >/host/held; while true; do sleep 1; done'
  start_bg
  wait_for_file "$HOSTDIR/held" 10
  run rt update --memory 1m "$CID"
  assert_failed_with "linux.resources.memory.limit.*below.*usage"
  pid=$(state_field "$CID" .pid)
  dir=$(ctr_cgroup "$pid" memory)
  limit=$(cat "$dir/memory.max" 2>/dev/null || cat "$dir/memory.limit_in_bytes")
  [[ "$limit" == 67108864 ]] || fail "limit changed to $limit"
  # A limit above the usage still goes through.
  rt update --memory 48m "$CID"
  limit=$(cat "$dir/memory.max" 2>/dev/null || cat "$dir/memory.limit_in_bytes")
  [[ "$limit" == 50331648 ]] || fail "limit is $limit"
  rt delete --force "$CID"
}

@test "strun --systemd-cgroup: a slice:prefix:name cgroupsPath becomes the unit's cgroupfs path, removed by delete" {
  skip_unless_strun "runc's systemd driver needs a running systemd"
  cfg '.linux.cgroupsPath = $p | .linux.resources.pids = {"limit": 42}' --arg p "strata-test.slice:strata:$CID"
  set_args sleep 30
  "$RUNTIME" --systemd-cgroup --root "$ROOT" run -d -b "$BUNDLE" "$CID" </dev/null
  wait_status "$CID" running
  local pid dir
  pid=$(state_field "$CID" .pid)
  if [[ "$(stat -f -c %T /sys/fs/cgroup)" == cgroup2fs ]]; then
    dir=/sys/fs/cgroup/strata.slice/strata-test.slice/strata-$CID.scope
  else
    dir=/sys/fs/cgroup/pids/strata.slice/strata-test.slice/strata-$CID.scope
  fi
  grep -qx "$pid" "$dir/cgroup.procs" || fail "init not in $dir"
  [ "$(cat "$dir/pids.max")" = 42 ]
  # Later commands find it without the flag: the record keeps the cgroupfs path.
  rt pause "$CID"
  [ "$(state_field "$CID" .status)" = paused ]
  rt resume "$CID"
  rt delete -f "$CID"
  [ ! -e "$dir" ]
  [ ! -e "${dir%/strata.slice/*}/strata.slice" ] || fail "the slices create made were left behind"
  assert_no_leaks "$CID"
}

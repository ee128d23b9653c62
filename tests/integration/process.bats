#!/usr/bin/env bats
# What the container's process sees: identity, namespaces, credentials,
# limits, environment.

load helpers

@test "hostname from the config" {
  cfg '.hostname = "strata-host"'
  sh_in_ctr 'hostname; cat /proc/sys/kernel/hostname'
  [ "${lines[0]}" = strata-host ]
  [ "${lines[1]}" = strata-host ]
  [ "$(hostname)" != strata-host ]
}

@test "domainname from the config" {
  # runc 1.1.5 accepts the field and ignores it: the container sees "(none)".
  skip_unless_strun "runc 1.1.5 ignores domainname"
  cfg '.hostname = "strata-host" | .domainname = "strata.test"'
  sh_in_ctr 'cat /proc/sys/kernel/domainname'
  [ "$output" = strata.test ]
}

@test "pid namespace: the process is PID 1 and /proc/1/cmdline is its args" {
  sh_in_ctr 'echo "pid=$$"; tr "\0" "|" </proc/1/cmdline; echo'
  [ "${lines[0]}" = "pid=1" ]
  [ "${lines[1]}" = 'sh|-c|echo "pid=$$"; tr "\0" "|" </proc/1/cmdline; echo|' ]
}

@test "capabilities: CapEff/CapPrm/CapInh/CapBnd/CapAmb match the config (uid 0)" {
  local bnd=(CAP_CHOWN CAP_DAC_OVERRIDE CAP_KILL CAP_NET_BIND_SERVICE CAP_SYS_ADMIN)
  cfg '.process.capabilities = {
      bounding: $b, permitted: $b, effective: $b,
      inheritable: ["CAP_KILL"], ambient: ["CAP_KILL"] }' \
    --argjson b "$(jq -nc '$ARGS.positional' --args -- "${bnd[@]}")"
  sh_in_ctr 'grep ^Cap /proc/self/status'
  local all kill
  all=$(cap_mask "${bnd[@]}")
  kill=$(cap_mask CAP_KILL)
  assert_output_has "^CapInh:[[:space:]]+$kill\$"
  assert_output_has "^CapPrm:[[:space:]]+$all\$"
  assert_output_has "^CapEff:[[:space:]]+$all\$"
  assert_output_has "^CapBnd:[[:space:]]+$all\$"
  assert_output_has "^CapAmb:[[:space:]]+$kill\$"
}

@test "capabilities: a non-root process keeps only its ambient set" {
  cfg '.process.user = {uid: 1000, gid: 1000}
    | .process.capabilities = {
      bounding: ["CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
      permitted: ["CAP_KILL", "CAP_NET_BIND_SERVICE"],
      effective: ["CAP_KILL", "CAP_NET_BIND_SERVICE"],
      inheritable: ["CAP_NET_BIND_SERVICE"],
      ambient: ["CAP_NET_BIND_SERVICE"] }'
  sh_in_ctr 'grep ^Cap /proc/self/status'
  local amb bnd
  amb=$(cap_mask CAP_NET_BIND_SERVICE)
  bnd=$(cap_mask CAP_CHOWN CAP_KILL CAP_NET_BIND_SERVICE)
  assert_output_has "^CapInh:[[:space:]]+$amb\$"
  assert_output_has "^CapPrm:[[:space:]]+$amb\$"
  assert_output_has "^CapEff:[[:space:]]+$amb\$"
  assert_output_has "^CapBnd:[[:space:]]+$bnd\$"
  assert_output_has "^CapAmb:[[:space:]]+$amb\$"
}

@test "user: uid, gid and additionalGids" {
  cfg '.process.user = {uid: 1000, gid: 1000, additionalGids: [10, 20]}'
  sh_in_ctr 'id; id -u; id -g; id -G'
  [ "${lines[1]}" = 1000 ]
  [ "${lines[2]}" = 1000 ]
  # id -G lists the primary group too.
  [ "$(tr ' ' '\n' <<<"${lines[3]}" | sort -n | tr '\n' ' ')" = "10 20 1000 " ]
  assert_output_has '^uid=1000\(nobody\) gid=1000\(nobody\) groups=10,20$'
}

@test "umask from process.user.umask" {
  cfg '.process.user.umask = 23' # 0027
  sh_in_ctr 'umask'
  [ "$output" = 0027 ]
}

@test "rlimits: RLIMIT_NOFILE and RLIMIT_CORE" {
  cfg '.process.rlimits = [
      {type: "RLIMIT_NOFILE", soft: 321, hard: 654},
      {type: "RLIMIT_CORE", soft: 1048576, hard: 2097152}]'
  sh_in_ctr 'ulimit -n; ulimit -Hn; grep "^Max core file size" /proc/self/limits'
  [ "${lines[0]}" = 321 ]
  [ "${lines[1]}" = 654 ]
  grep -Eq '^Max core file size +1048576 +2097152 +bytes' <<<"${lines[2]}"
}

@test "oomScoreAdj" {
  cfg '.process.oomScoreAdj = 123'
  sh_in_ctr 'cat /proc/self/oom_score_adj'
  [ "$output" = 123 ]
}

@test "noNewPrivileges sets NoNewPrivs" {
  cfg '.process.noNewPrivileges = true'
  sh_in_ctr 'grep ^NoNewPrivs: /proc/self/status'
  assert_output_has '^NoNewPrivs:[[:space:]]+1$'

  CID=$(new_id)
  cfg '.process.noNewPrivileges = false'
  sh_in_ctr 'grep ^NoNewPrivs: /proc/self/status'
  assert_output_has '^NoNewPrivs:[[:space:]]+0$'
}

@test "cwd and environment" {
  mkdir -p "$BUNDLE/rootfs/work/dir"
  cfg '.process.cwd = "/work/dir" | .process.env = ["PATH=/bin:/usr/bin", "STRATA_A=one", "STRATA_B=two words"]'
  sh_in_ctr 'pwd; echo "$STRATA_A"; echo "$STRATA_B"; echo "$PATH"'
  [ "${lines[0]}" = /work/dir ]
  [ "${lines[1]}" = one ]
  [ "${lines[2]}" = "two words" ]
  [ "${lines[3]}" = /bin:/usr/bin ]
}

@test "environment: an entry without = is refused, naming it" {
  cfg '.process.env = ["PATH=/bin:/usr/bin", "STRATA_NO_VALUE"]'
  set_args true
  run rt run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with 'invalid environment variable.*STRATA_NO_VALUE'
  is_strun && assert_output_has 'process\.env\[1\]'
  assert_no_leaks "$CID"
}

@test "environment: without PATH in process.env, runc's default PATH finds the program" {
  is_strun || skip "runc 1.1.5 searches an empty PATH and fails (later runc uses this default)"
  # sh is /bin/sh in the busybox rootfs: found through the default PATH, which is not added
  # to the process's environment.
  cfg '.process.env = ["STRATA_A=one"]'
  set_args sh -c 'echo "${PATH-unset}"; echo "$STRATA_A"'
  run --separate-stderr rt run -b "$BUNDLE" "$CID" </dev/null
  [ "$status" -eq 0 ] || fail "run failed: $output / $stderr"
  [ "${lines[1]}" = one ]
}

@test "sysctl: kernel.shmmax (ipc ns) and net.ipv4.ip_forward (net ns)" {
  cfg '.linux.sysctl = {"kernel.shmmax": "123456789", "net.ipv4.ip_forward": "1"}'
  sh_in_ctr 'cat /proc/sys/kernel/shmmax /proc/sys/net/ipv4/ip_forward'
  [ "${lines[0]}" = 123456789 ]
  [ "${lines[1]}" = 1 ]
  # The host's values are untouched.
  [ "$(cat /proc/sys/kernel/shmmax)" != 123456789 ]
}

@test "cgroup memory and pids limits are visible from the host" {
  cfg '.linux.resources.memory = {limit: 33554432} | .linux.resources.pids = {limit: 17}'
  set_args sleep 100
  start_bg
  local pid mem pids
  pid=$(state_field "$CID" .pid)
  mem=$(host_cgroup_dir "$pid" memory)
  pids=$(host_cgroup_dir "$pid" pids)
  [ "$(cat "$mem/memory.limit_in_bytes")" = 33554432 ]
  [ "$(cat "$pids/pids.max")" = 17 ]
  grep -qx "$pid" "$mem/cgroup.procs"
  rt delete --force "$CID"
  [ ! -d "$mem" ]
  [ ! -d "$pids" ]
  assert_no_leaks "$CID"
}

@test "namespaces: join a host network namespace by path" {
  local ns=strata-it-$CID
  ip netns add "$ns"
  CLEANUP_NETNS+=("$ns")
  cfg '.linux.namespaces |= map(if .type == "network" then .path = $p else . end)' \
    --arg p "/var/run/netns/$ns"
  sh_in_ctr 'readlink /proc/self/ns/net'
  [ "$output" = "net:[$(stat -L -c %i "/var/run/netns/$ns")]" ]
  [ "$output" != "$(readlink /proc/self/ns/net)" ]
}

@test "namespaces: join another container's network namespace by /proc/PID/ns/net" {
  set_args sleep 100
  start_bg
  local pid
  pid=$(state_field "$CID" .pid)
  local first=$CID
  # Second bundle, same rootfs.
  local b2=$TEST_DIR/bundle2
  mkdir -p "$b2"
  jq --arg r "$BUNDLE/rootfs" --arg p "/proc/$pid/ns/net" \
    '.root.path = $r | .process.args = ["readlink", "/proc/self/ns/net"]
     | .linux.namespaces |= map(if .type == "network" then .path = $p else . end)' \
    "$BUNDLE/config.json" >"$b2/config.json"
  CID=$(new_id)
  run rt run -b "$b2" "$CID" </dev/null
  [ "$status" -eq 0 ]
  [ "$output" = "$(readlink "/proc/$pid/ns/net")" ]
  [ "$(state_field "$first" .status)" = running ]
}

@test "user namespace: uidMappings and gidMappings" {
  cfg '.linux.namespaces += [{type: "user"}]
    | .linux.uidMappings = [{containerID: 0, hostID: 200000, size: 65536}]
    | .linux.gidMappings = [{containerID: 0, hostID: 300000, size: 65536}]
    | .mounts |= map(select(.type != "cgroup"))'
  set_args sh -c 'cat /proc/self/uid_map /proc/self/gid_map; id -u; sleep 100'
  start_bg
  local pid
  pid=$(state_field "$CID" .pid)
  # From the host, the container's root is the mapped id.
  [ "$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")" = 200000 ]
  [ "$(awk '/^Gid:/ {print $2}' "/proc/$pid/status")" = 300000 ]
  [ "$(awk '{print $1, $2, $3}' "/proc/$pid/uid_map")" = "0 200000 65536" ]
  [ "$(awk '{print $1, $2, $3}' "/proc/$pid/gid_map")" = "0 300000 65536" ]
  [ "$(readlink "/proc/$pid/ns/user")" != "$(readlink /proc/self/ns/user)" ]
}

@test "user namespace: a uid or gid outside the mappings is refused at create, naming the field" {
  cfg '.linux.namespaces += [{type: "user"}]
    | .linux.uidMappings = [{containerID: 0, hostID: 200000, size: 1000}]
    | .linux.gidMappings = [{containerID: 0, hostID: 300000, size: 1000}]
    | .mounts |= map(select(.type != "cgroup"))
    | .process.user.uid = 5000'
  set_args true
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "unmapped|not mapped"
  is_strun && assert_output_has "process\.user\.uid"
  assert_no_leaks "$CID"

  CID=$(new_id)
  cfg '.process.user.uid = 0 | .process.user.gid = 4000'
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "unmapped|not mapped|setgid|invalid argument"
  is_strun && assert_output_has "process\.user\.gid"
  assert_no_leaks "$CID"
}

@test "time namespace: timeOffsets shift CLOCK_MONOTONIC and CLOCK_BOOTTIME" {
  local features
  features=$("$RUNTIME" features 2>/dev/null || echo '{}')
  if ! is_strun && ! jq -e '.linux.namespaces | index("time")' <<<"$features" >/dev/null 2>&1; then
    skip "$(basename "$RUNTIME") does not support the time namespace"
  fi
  cfg '.linux.namespaces += [{type: "time"}]
    | .linux.timeOffsets = {monotonic: {secs: 86400, nanosecs: 0},
                            boottime: {secs: 172800, nanosecs: 0}}'
  local host_up
  host_up=$(cut -d. -f1 /proc/uptime)
  sh_in_ctr 'cut -d. -f1 /proc/uptime; cat /proc/self/timens_offsets'
  # /proc/uptime follows CLOCK_BOOTTIME.
  [ "${lines[0]}" -ge $((host_up + 172800)) ]
  assert_output_has '^monotonic +86400 +0$'
  assert_output_has '^boottime +172800 +0$'
}

@test "stdio: stdin piped into a foreground run is read by the process" {
  set_args cat
  run "$RUNTIME" --root "$ROOT" run -b "$BUNDLE" "$CID" <<<"piped into cat"
  [ "$status" -eq 0 ]
  [ "$output" = "piped into cat" ]
}

@test "stdio: stdout and stderr are inherited separately" {
  set_args sh -c 'echo to-out; echo to-err >&2'
  run --separate-stderr "$RUNTIME" --root "$ROOT" run -b "$BUNDLE" "$CID" </dev/null
  [ "$status" -eq 0 ]
  [ "$output" = to-out ]
  [ "$stderr" = to-err ]
}

@test "--preserve-fds 1 passes fd 3 into the container" {
  echo "through fd three" >"$HOSTDIR/fd3"
  set_args sh -c 'cat <&3; ls /proc/self/fd | sort -n | tr "\n" " "'
  run "$RUNTIME" --root "$ROOT" run --preserve-fds 1 -b "$BUNDLE" "$CID" \
    </dev/null 3<"$HOSTDIR/fd3"
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "through fd three" ]
  # 0-2, the preserved 3, and the fd `ls` opens for /proc/self/fd; nothing else.
  [ "${lines[1]}" = "0 1 2 3 4 " ]
}

@test "terminal: true with --console-socket hands the pty master to the receiver" {
  command -v python3 >/dev/null || skip "python3 is needed for the console receiver"
  local sock=$TEST_DIR/console.sock out=$HOSTDIR/console.out
  python3 "$BATS_TEST_DIRNAME/recvtty.py" "$sock" "$out" &
  CLEANUP_PIDS+=($!)
  local recv=$!
  wait_for_socket "$sock"
  cfg '.process.terminal = true'
  set_args sh -c 'tty; [ -t 0 ] && [ -t 1 ] && echo stdio-is-a-tty; stty size'
  rt run -d --console-socket "$sock" -b "$BUNDLE" "$CID" </dev/null
  wait "$recv"
  grep -q '^/dev/pts/[0-9]' "$out"
  grep -q '^stdio-is-a-tty' "$out"
}

#!/usr/bin/env bats
# run, ps, logs, exec, stop, kill, rm, wait, inspect, top, prune over real containers.

load helpers

@test "run --rm: output and exit code pass through, nothing is left" {
  run --separate-stderr strata run --rm --rootfs "$R" sh -c 'echo out; echo err >&2; exit 3'
  [ "$status" -eq 3 ]
  [ "$output" = "out" ]
  [ "$stderr" = "err" ]
  run strata ps -aq
  [ -z "$output" ]
  assert_nothing_left
}

@test "run -d: ps, logs, exec and inspect see the container" {
  run strata run -d --name web --rootfs "$R" sh -c 'echo started; exec sleep 1000'
  [ "$status" -eq 0 ]
  id=$output
  [ ${#id} -eq 64 ]
  run strata ps
  [[ "$output" == *"${id:0:12}"*"Up "*"web"* ]]
  run strata logs web
  [ "$output" = "started" ]
  run strata exec web hostname
  [ "$output" = "${id:0:12}" ]
  run strata exec -e FOO=bar web sh -c 'echo $FOO'
  [ "$output" = "bar" ]
  run strata exec -u 1000 web id -u
  [ "$output" = "1000" ]
  run strata exec web sh -c 'exit 5'
  [ "$status" -eq 5 ]
  [ "$(field "${id:0:5}" .State.Status)" = running ]
  [ "$(field web .Name)" = web ]
  run strata ps --format json
  [ "$(echo "$output" | jq -r '.[0].Names[0]')" = web ]
  run strata top web
  [[ "$output" == *sleep* ]]
}

@test "stop: SIGTERM, then SIGKILL promptly after -t" {
  # PID 1 without a handler ignores SIGTERM: only the SIGKILL after -t ends it.
  strata run -d --name s1 --rootfs "$R" sleep 1000
  start=$(date +%s%N)
  run strata stop -t 1 s1
  end=$(date +%s%N)
  [ "$status" -eq 0 ]
  elapsed=$(((end - start) / 1000000))
  echo "stop took ${elapsed} ms"
  [ "$elapsed" -ge 900 ]
  [ "$elapsed" -lt 3000 ]
  [ "$(field s1 .State.ExitCode)" = 137 ]
  # A process that handles SIGTERM exits at once, with its own code.
  strata run -d --name s2 --rootfs "$R" sh -c 'trap "exit 0" TERM; while :; do sleep 0.1; done'
  start=$(date +%s%N)
  strata stop -t 10 s2
  end=$(date +%s%N)
  elapsed=$(((end - start) / 1000000))
  echo "stop took ${elapsed} ms"
  [ "$elapsed" -lt 2000 ]
  [ "$(field s2 .State.ExitCode)" = 0 ]
  [ -z "$(monitor_pids)" ]
}

@test "wait prints the exit code; kill sends a signal; prune removes exited ones" {
  strata run -d --name ww --rootfs "$R" sh -c 'sleep 0.3; exit 7'
  run strata wait ww
  [ "$output" = 7 ]
  strata run -d --name kk --rootfs "$R" sleep 1000
  strata kill -s TERM kk || true
  strata kill kk
  run strata wait kk
  [ "$output" = 137 ]
  run strata container prune
  [ "$status" -eq 0 ]
  run strata ps -aq
  [ -z "$output" ]
  assert_nothing_left
}

@test "the hardened default and the flags that loosen it" {
  run strata run --rm --rootfs "$R" sh -c 'grep -E "^(NoNewPrivs|Seccomp|CapBnd):" /proc/self/status'
  [ "$status" -eq 0 ]
  [[ "$output" == *"NoNewPrivs:"*1* ]]
  [[ "$output" == *"Seccomp:"*2* ]]
  # Docker's default set: chown dac_override fowner fsetid kill setgid setuid setpcap
  # net_bind_service net_raw sys_chroot mknod audit_write setfcap.
  [[ "$output" == *"CapBnd:"*"00000000a80425fb"* ]]
  run strata run --rm --rootfs "$R" cat /sys/fs/cgroup/pids/pids.max
  [ "$output" = 1024 ] || [ "$status" -ne 0 ]
  run strata run --rm --security-opt seccomp=unconfined --security-opt no-new-privileges=false --cap-drop ALL \
    --rootfs "$R" sh -c 'grep -E "^(NoNewPrivs|Seccomp|CapBnd):" /proc/self/status'
  [[ "$output" == *"NoNewPrivs:"*0* ]]
  [[ "$output" == *"Seccomp:"*0* ]]
  [[ "$output" == *"CapBnd:"*"0000000000000000"* ]]
  run strata run --rm --read-only --rootfs "$R" touch /x
  [ "$status" -ne 0 ]
  run strata run --rm -u 1000 --rootfs "$R" id -u
  [ "$output" = 1000 ]
  run strata run --rm -w /tmp --rootfs "$R" pwd
  [ "$output" = /tmp ]
  run strata run --rm --memory 64m --rootfs "$R" cat /sys/fs/cgroup/memory/memory.limit_in_bytes
  [ "$output" = 67108864 ] || { run strata run --rm --memory 64m --rootfs "$R" cat /sys/fs/cgroup/memory.max; [ "$output" = 67108864 ]; }
}

@test "volumes, tmpfs and env files" {
  mkdir -p "$TEST_DIR/vol"
  echo hostfile >"$TEST_DIR/vol/f"
  printf 'A=1\n# comment\nB=two\n' >"$TEST_DIR/env"
  run strata run --rm -v "$TEST_DIR/vol:/data:ro" --env-file "$TEST_DIR/env" -e C=3 --tmpfs /scratch --rootfs "$R" \
    sh -c 'cat /data/f; echo $A$B$C; touch /scratch/ok && echo tmpfs; touch /data/g || echo readonly'
  [ "${lines[0]}" = hostfile ]
  [ "${lines[1]}" = 1two3 ]
  [ "${lines[2]}" = tmpfs ]
  [[ "$output" == *readonly* ]]
  [ ! -e "$TEST_DIR/vol/g" ]
}

@test "concurrent strata processes: names stay unique, every record is kept" {
  pids=()
  for i in 1 2 3 4 5 6; do
    "$STRATA" create --name "c$i" --rootfs "$R" true >/dev/null 2>&1 </dev/null &
    pids+=($!)
  done
  for i in 1 2 3 4; do
    "$STRATA" create --name same --rootfs "$R" true >/dev/null 2>&1 </dev/null &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  run strata ps -a --format json
  [ "$(echo "$output" | jq '[.[].Names[0] | select(startswith("c"))] | length')" -eq 6 ]
  [ "$(echo "$output" | jq '[.[].Names[0] | select(. == "same")] | length')" -eq 1 ]
  [ "$(ls "$STRATA_ROOT/containers" | wc -l)" -eq 7 ]
}

#!/usr/bin/env bats
# strata stats: the live table, JSON, and the bottleneck analysis, on real
# containers made by the runtime under test (strun, or runc: strata lists any
# runc-compatible runtime's root with that runtime's binary).

load helpers
load metrics_helpers

@test "stats --no-stream shows a running container with its memory limit and pids" {
  start_with "$CID" 'sleep 1000' '{"memory": {"limit": 67108864}, "pids": {"limit": 50}}'
  run st stats --no-stream
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  [[ "${lines[0]}" == "CONTAINER ID"*"CPU %"*"MEM USAGE / LIMIT"*"MEM %"*"NET I/O"*"BLOCK I/O"*"PIDS" ]] ||
    fail "header: ${lines[0]}"
  row=$(grep "^$CID " <<<"$output") || fail "no row for $CID: $output"
  [[ "$row" =~ [0-9.]+(B|KiB|MiB)\ /\ 64MiB ]] || fail "memory column: $row"
  [[ "$row" =~ \ 1$ ]] || fail "pids column: $row"
  [[ "$(wc -l <<<"$output")" -eq 2 ]] || fail "expected one block of one row: $output"
}

@test "stats --format json: a busy container uses about a CPU, an idle one almost none" {
  start_with "$CID" 'while :; do :; done'
  idle=$(new_id)
  set_args sleep 1000
  start_bg "$idle"
  run st stats --no-stream --format json
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  busy_cpu=$(jq -r "select(.id == \"$CID\") | .cpu_percent" <<<"$output")
  idle_cpu=$(jq -r "select(.id == \"$idle\") | .cpu_percent" <<<"$output")
  echo "busy $busy_cpu% idle $idle_cpu%"
  # Two cores shared with other work: a busy loop gets a good part of one, never more.
  jq -e -n "$busy_cpu > 25 and $busy_cpu < 130" >/dev/null || fail "busy cpu_percent $busy_cpu: $output"
  jq -e -n "$idle_cpu < 5" >/dev/null || fail "idle cpu_percent $idle_cpu"
  jq -c "select(.id == \"$CID\")" <<<"$output" | jq -e ".pids == 1 and .memory_usage_bytes > 0 and .status == \"running\"
         and (.cgroup | startswith(\"/\")) and .efficiency_percent > 10" >/dev/null ||
    fail "fields: $output"
}

@test "stats counts network traffic in the container's namespace" {
  command -v ip >/dev/null || skip "no iproute2"
  set_args sleep 1000
  start_bg
  pid=$(state_field "$CID" .pid)
  host_if=vh$RANDOM$RANDOM
  ip link add "$host_if" type veth peer name eth0 netns "$pid" 2>/dev/null ||
    skip "no veth in this kernel (the cgroup v2 guest has only the modules it boots with)"
  ip addr add 10.251.7.1/30 dev "$host_if"
  ip link set "$host_if" up
  nsenter -t "$pid" -n ip addr add 10.251.7.2/30 dev eth0
  nsenter -t "$pid" -n ip link set eth0 up
  busybox ping -c 3 -i 0.2 -W 1 10.251.7.2 >/dev/null || fail "no answer from the container"
  line=$(json_of "$CID")
  ip link del "$host_if" 2>/dev/null || true
  jq -e '.net_rx_bytes > 200 and .net_tx_bytes > 200' <<<"$line" >/dev/null || fail "network counters: $line"
}

@test "stats counts block reads of the container" {
  throttled_read_file 4 2000000
  set_args sh -c 'cat /data >/dev/null; sleep 1000'
  start_bg
  local line="" deadline=$((SECONDS + 15))
  while ((SECONDS <= deadline)); do
    line=$(INTERVAL=0.2 json_of "$CID")
    jq -e '.block_read_bytes >= 4194304' <<<"$line" >/dev/null && return 0
  done
  fail "block reads: $line"
}

@test "stats lists every --root and reads only the ids asked for" {
  set_args sleep 1000
  start_bg
  other_root=$TEST_DIR/state2
  other=$(new_id)
  "$RUNTIME" --root "$other_root" run -d -b "$BUNDLE" "$other" </dev/null >/dev/null
  run "$STRATA" stats --no-stream --runtime "$RUNTIME" --root "$ROOT" --root "$other_root"
  "$RUNTIME" --root "$other_root" delete --force "$other" >/dev/null 2>&1 || true
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  grep -q "^$CID " <<<"$output" || fail "no $CID: $output"
  grep -q "^$other " <<<"$output" || fail "no $other: $output"
  run st stats --no-stream --format json "$CID"
  [[ "$(jq -s 'map(.id)' <<<"$output" | jq -c .)" == "[\"$CID\"]" ]] || fail "filtered: $output"
}

@test "stats of an unknown id fails naming it, and a stopped container is not shown" {
  run st stats --no-stream "no-such-$CID"
  assert_failed_with "no-such-$CID.*no such running container"
  set_args true
  rt create -b "$BUNDLE" "$CID" </dev/null >/dev/null
  rt start "$CID"
  wait_status "$CID" stopped
  run st stats --no-stream
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  ! grep -q "$CID" <<<"$output" || fail "stopped container shown: $output"
}

@test "stats --root of a directory that does not exist is an error naming it" {
  run "$STRATA" stats --no-stream --runtime "$RUNTIME" --root "$TEST_DIR/no-such-root"
  assert_failed_with "$TEST_DIR/no-such-root.*[Nn]o such file"
}

@test "stats shows a 64-hex id as 12 characters and accepts a unique prefix of it" {
  local long
  long=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
  echo "$long" >>"$TEST_DIR/ids"
  set_args sleep 1000
  start_bg "$long"
  run st stats --no-stream
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  grep -q "^${long:0:12} " <<<"$output" || fail "no 12-character id ${long:0:12}: $output"
  ! grep -q "$long" <<<"$output" || fail "the whole id shown: $output"
  run st stats --no-stream --format json "${long:0:7}"
  [[ "$status" -eq 0 ]] || fail "prefix: $output"
  [[ "$(jq -r .id <<<"$output")" == "$long" ]] || fail "prefix picked: $output"
}

@test "stats refuses a prefix that matches two containers, naming it" {
  set_args sleep 1000
  start_bg "$CID-a"
  start_bg "$CID-b"
  echo "$CID-a" >>"$TEST_DIR/ids"
  echo "$CID-b" >>"$TEST_DIR/ids"
  run st stats --no-stream "$CID-"
  assert_failed_with "$CID-.*matches 2 containers"
}

@test "stats also shows runc's containers that share a state root with the runtime's" {
  skip_unless_strun "a root shared by strun and runc"
  command -v runc >/dev/null || skip "runc is not installed"
  set_args sleep 1000
  start_bg
  local theirs
  theirs=$(new_id)
  runc --root "$ROOT" run -d -b "$BUNDLE" "$theirs" </dev/null >/dev/null
  run st stats --no-stream --format json
  runc --root "$ROOT" delete --force "$theirs" >/dev/null 2>&1 || true
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  jq -s -e --arg id "$CID" 'any(.[]; .id == $id)' <<<"$output" >/dev/null || fail "no $CID: $output"
  jq -s -e --arg id "$theirs" 'any(.[]; .id == $id)' <<<"$output" >/dev/null || fail "runc's $theirs left out: $output"
}

@test "stats streams one block per interval until stopped" {
  set_args sleep 1000
  start_bg
  run timeout -s INT 2.8 "$STRATA" stats --interval 0.5 --root "$ROOT" --runtime "$RUNTIME"
  blocks=$(grep -c '^CONTAINER ID' <<<"$output")
  [[ "$blocks" -ge 3 ]] || fail "expected at least 3 refreshes, got $blocks: $output"
}

@test "stats finds strun's default root without --root" {
  skip_unless_strun "strun's default state root"
  set_args sleep 1000
  "$RUNTIME" run -d -b "$BUNDLE" "$CID" </dev/null >/dev/null
  run "$STRATA" stats --no-stream --format json --runtime "$RUNTIME"
  "$RUNTIME" delete --force "$CID" >/dev/null 2>&1 || true
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  jq -e "select(.id == \"$CID\") | .root == \"/run/strun\"" <<<"$output" >/dev/null || fail "not found: $output"
}

@test "analyze: a CPU-bound loop under a small quota is named cpu" {
  start_with "$CID" 'while :; do :; done' '{"cpu": {"quota": 10000, "period": 100000}}'
  sleep 0.5
  run st stats --no-stream --analyze
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  echo "$output"
  row=$(grep "^$CID " <<<"$output") || fail "no row: $output"
  [[ "$row" =~ \ cpu\ +throttled\ in\ (9[0-9]|100)%\ of\ CFS\ periods.*quota\ of\ 0.10\ CPU ]] || fail "verdict: $row"
  [[ "$row" == *"--cpu-quota"* ]] || fail "suggestion: $row"
}

@test "analyze: a process holding memory near its limit is named memory" {
  # tmpfs pages are charged to the cgroup and cannot be dropped like page cache.
  start_with "$CID" 'dd if=/dev/zero of=/dev/shm/fill bs=1M count=15 2>/dev/null; sleep 1000' \
    '{"memory": {"limit": 16777216, "swap": 16777216}}'
  sleep 1
  run st stats --no-stream --analyze --format json
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  echo "$output"
  jq -e "select(.id == \"$CID\") | .bottleneck == \"memory\" and (.evidence | test(\"of a 16MiB limit\"))" \
    <<<"$output" >/dev/null || fail "verdict: $output"
}

@test "analyze: a fork loop at its pids limit is named pids" {
  start_with "$CID" 'sleep 1000' '{"pids": {"limit": 20}}'
  # ash gives up at the first refused fork; the sleeps it started stay. (runc's
  # exec can hang at the limit, its own init being refused a thread: bounded.)
  timeout -s KILL 10 "$RUNTIME" --root "$ROOT" exec "$CID" sh -c 'while :; do sleep 1000 & done' >/dev/null 2>&1 || true
  run st stats --no-stream --analyze
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  echo "$output"
  row=$(grep "^$CID " <<<"$output") || fail "no row: $output"
  [[ "$row" =~ \ pids\ +(19|20)\ of\ 20\ pids ]] || fail "verdict: $row"
  [[ "$row" == *"--pids-limit"* ]] || fail "suggestion: $row"
}

@test "analyze: reading at a block I/O throttle is named io" {
  throttled_read_file 8 1000000
  set_args sh -c 'cat /data >/dev/null; sleep 1000'
  start_bg
  sleep 1
  run st stats --no-stream --analyze
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  echo "$output"
  row=$(grep "^$CID " <<<"$output") || fail "no row: $output"
  # The throttle lets a first burst through (counted as a rate over the limit),
  # then holds the reader in state D.
  [[ "$row" =~ \ io\ +.*(1\ of\ 2\ processes\ waiting\ on\ I/O\ \(state\ D\)\ under\ a\ throttle\ on\ [0-9]+:[0-9]+\ \(read\ 1MB/s\)|of\ a\ 1MB/s\ limit) ]] ||
    fail "verdict: $row"
}

@test "analyze: an idle container is healthy" {
  start_with "$CID" 'sleep 1000' '{"memory": {"limit": 67108864}, "cpu": {"quota": 50000, "period": 100000}, "pids": {"limit": 50}}'
  run st stats --no-stream --analyze
  [[ "$status" -eq 0 ]] || fail "stats failed: $output"
  echo "$output"
  row=$(grep "^$CID " <<<"$output") || fail "no row: $output"
  [[ "$row" =~ \ healthy\ +cpu\ 0\.0[0-9]\ of\ 0\.50\ CPUs,\ memory\ .*\ of\ 64MiB,\ pids\ 1\ of\ 50\ +none ]] ||
    fail "verdict: $row"
}

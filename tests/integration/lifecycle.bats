#!/usr/bin/env bats
# create / start / state / kill / delete / run / list.

load helpers

# A process that runs until the host creates /tmp/go in the rootfs.
wait_for_go() {
  set_args sh -c 'while [ ! -e /tmp/go ]; do usleep 20000; done'
}

@test "lifecycle: create, state, start, exit, delete" {
  wait_for_go
  rt create -b "$BUNDLE" "$CID" </dev/null

  run rt state "$CID"
  [ "$status" -eq 0 ]
  local st=$output
  [ "$(jq -r .status <<<"$st")" = created ]
  [ "$(jq -r .id <<<"$st")" = "$CID" ]
  [ "$(jq -r .pid <<<"$st")" -gt 0 ]
  [ "$(jq -r .bundle <<<"$st")" = "$BUNDLE" ]
  [ "$(jq -r .rootfs <<<"$st")" = "$BUNDLE/rootfs" ]
  jq -re .ociVersion <<<"$st" | grep -Eq '^1\.'
  jq -re .created <<<"$st" | grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)$'
  jq -e 'has("owner")' <<<"$st" >/dev/null
  local pid
  pid=$(jq -r .pid <<<"$st")
  kill -0 "$pid"

  rt start "$CID"
  wait_status "$CID" running
  [ "$(state_field "$CID" .pid)" = "$pid" ]

  touch "$BUNDLE/rootfs/tmp/go"
  wait_status "$CID" stopped

  rt delete "$CID"
  run rt state "$CID"
  assert_failed_with "does not exist"
  assert_no_leaks "$CID"
}

@test "list: table header, -q and --format json" {
  set_args sleep 100
  start_bg

  run rt list
  [ "$status" -eq 0 ]
  grep -Eq '^ID +PID +STATUS +BUNDLE +CREATED +OWNER' <<<"${lines[0]}"
  grep -Eq "^$CID +[0-9]+ +running +$BUNDLE " <<<"${lines[1]}"

  run rt list -q
  [ "$status" -eq 0 ]
  [ "$output" = "$CID" ]

  run rt list --format json
  [ "$status" -eq 0 ]
  [ "$(jq -r 'length' <<<"$output")" = 1 ]
  [ "$(jq -r '.[0].id' <<<"$output")" = "$CID" ]
  [ "$(jq -r '.[0].status' <<<"$output")" = running ]
  [ "$(jq -r '.[0].pid' <<<"$output")" -gt 0 ]
}

@test "run: foreground returns the container's exit code" {
  set_args sh -c 'exit 3'
  run_ctr
  [ "$status" -eq 3 ]
  assert_no_leaks "$CID"

  CID=$(new_id)
  set_args true
  run_ctr
  [ "$status" -eq 0 ]
  assert_no_leaks "$CID"
}

@test "run: foreground returns 128+n when the container is killed by signal n" {
  set_args sleep 100
  (rc=0
    "$RUNTIME" --root "$ROOT" run -b "$BUNDLE" "$CID" </dev/null >/dev/null 2>&1 || rc=$?
    echo "$rc" >"$HOSTDIR/rc") &
  CLEANUP_PIDS+=($!)
  wait_status "$CID" running
  rt kill "$CID" KILL
  wait_for_file "$HOSTDIR/rc"
  [ "$(cat "$HOSTDIR/rc")" -eq 137 ]
  assert_no_leaks "$CID"
}

@test "run -d with --pid-file" {
  set_args sleep 100
  rt run -d --pid-file "$HOSTDIR/pid" -b "$BUNDLE" "$CID" </dev/null
  [ "$(state_field "$CID" .status)" = running ]
  local pid
  pid=$(state_field "$CID" .pid)
  [ "$(cat "$HOSTDIR/pid")" = "$pid" ]
  [ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" = "sleep 100 " ]
}

@test "kill: default SIGTERM, by number, by name with and without SIG" {
  mkdir -p "$HOSTDIR/out"
  cfg '.mounts += [{destination: "/out", type: "bind", source: $src, options: ["rbind", "rw"]}]' \
    --arg src "$HOSTDIR/out"
  # PID 1 ignores signals it has no handler for, so trap each one.
  set_args sh -c 'for s in TERM USR1 HUP INT; do trap "echo $s >>/out/sigs" $s; done
    echo ready >/out/ready; while :; do usleep 20000; done'
  start_bg
  wait_for_file "$HOSTDIR/out/ready"

  local -a sent=("" 10 HUP SIGINT)
  local -a want=(TERM USR1 HUP INT)
  local i
  for i in 0 1 2 3; do
    if [[ -z "${sent[i]}" ]]; then
      rt kill "$CID"
    else
      rt kill "$CID" "${sent[i]}"
    fi
    local deadline=$((SECONDS + 5))
    until [[ "$(wc -l <"$HOSTDIR/out/sigs" 2>/dev/null || echo 0)" -gt "$i" ]]; do
      ((SECONDS <= deadline)) || fail "signal ${want[i]} not received"
      sleep 0.05
    done
  done
  [ "$(tr '\n' ' ' <"$HOSTDIR/out/sigs")" = "TERM USR1 HUP INT " ]

  rt kill "$CID" SIGKILL
  wait_status "$CID" stopped
}

@test "kill --all reaches every process of the container" {
  set_args sh -c 'sleep 100 & sleep 100 & sleep 100'
  start_bg
  local pid
  pid=$(state_field "$CID" .pid)
  local deadline=$((SECONDS + 5))
  until [[ "$(pgrep -c -P "$pid" sleep || true)" -ge 2 ]]; do
    ((SECONDS <= deadline)) || fail "children did not start"
    sleep 0.05
  done
  local -a pids
  mapfile -t pids < <(pgrep -P "$pid")
  rt kill --all "$CID" KILL
  wait_status "$CID" stopped
  local p
  for p in "${pids[@]}"; do
    wait_gone "$p"
  done
}

@test "delete --force removes a running container" {
  set_args sleep 100
  start_bg
  local pid
  pid=$(state_field "$CID" .pid)
  rt delete --force "$CID"
  wait_gone "$pid"
  assert_no_leaks "$CID"
}

@test "start twice fails" {
  set_args sleep 100
  rt create -b "$BUNDLE" "$CID" </dev/null
  rt start "$CID"
  run rt start "$CID"
  assert_failed_with "running|not created"
  [ "$(state_field "$CID" .status)" = running ]
}

@test "run: 200 back-to-back runs all succeed (no race between the init's /dev setup and the cgroup's device rules)" {
  set_args true
  local i failures=0 out
  for i in $(seq 1 200); do
    out=$(rt run -b "$BUNDLE" "$CID-$i" </dev/null 2>&1) || { failures=$((failures + 1)); echo "# run $i: $out" >&3; }
  done
  [ "$failures" -eq 0 ] || fail "$failures of 200 runs failed"
}

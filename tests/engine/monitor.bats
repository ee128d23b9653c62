#!/usr/bin/env bats
# The per-container monitor: restart policies with Docker's backoff, health checks, logs
# across restarts, and kill -9 of the monitor or of strata.

load helpers

@test "on-failure:2 restarts twice with backoff, then stays exited" {
  start=$(date +%s%N)
  strata run -d --name f --restart on-failure:2 --rootfs "$R" sh -c 'echo try; exit 3'
  wait_field f .State.Status exited 10
  [ "$(field f .RestartCount)" = 2 ]
  [ "$(field f .State.ExitCode)" = 3 ]
  # 100 ms + 200 ms of backoff at least.
  elapsed=$((($(date +%s%N) - start) / 1000000))
  [ "$elapsed" -ge 300 ]
  run strata logs f
  [ "${#lines[@]}" -eq 3 ]
  sleep 0.5
  [ "$(field f .RestartCount)" = 2 ]
}

@test "on-failure does not restart a clean exit; no restarts by default" {
  strata run -d --name ok --restart on-failure --rootfs "$R" true
  wait_field ok .State.Status exited
  [ "$(field ok .RestartCount)" = 0 ]
  strata run -d --name plain --rootfs "$R" sh -c 'exit 1'
  wait_field plain .State.Status exited
  sleep 0.3
  [ "$(field plain .RestartCount)" = 0 ]
}

@test "always: logs across restarts; stop ends it for good" {
  strata run -d --name a --restart always --rootfs "$R" sh -c 'echo "run $$ $(date +%s%N)"; sleep 0.2; exit 0'
  for i in $(seq 50); do
    [ "$(field a .RestartCount)" -ge 2 ] && break
    sleep 0.1
  done
  [ "$(field a .RestartCount)" -ge 2 ]
  run strata logs a
  [ "${#lines[@]}" -ge 3 ]
  [[ "${lines[0]}" == run* ]]
  run strata logs --tail 1 a
  [ "${#lines[@]}" -eq 1 ]
  strata stop -t 1 a
  count=$(field a .RestartCount)
  sleep 0.5
  [ "$(field a .RestartCount)" = "$count" ]
  [ "$(field a .State.Status)" = exited ]
  [ -z "$(monitor_pids)" ]
}

@test "health: starting, unhealthy, then healthy" {
  # Failures inside the start period do not count: it stays "starting" for 2 s.
  strata run -d --name h --tmpfs /run/h --health-cmd 'test -f /run/h/ok' --health-interval 200ms \
    --health-retries 2 --health-timeout 1s --health-start-period 2s --rootfs "$R" sleep 1000
  [ "$(field h .State.Health.Status)" = starting ]
  run strata ps
  [[ "$output" == *"health: starting"* ]]
  wait_field h .State.Health.Status unhealthy 10
  [ "$(field h .State.Health.FailingStreak)" -ge 2 ]
  strata exec h touch /run/h/ok
  wait_field h .State.Health.Status healthy 10
  [ "$(field h .State.Health.FailingStreak)" = 0 ]
  run strata ps
  [[ "$output" == *"(healthy)"* ]]
}

@test "health: a check that hangs times out and fails" {
  strata run -d --name t --health-cmd 'sleep 100' --health-interval 200ms --health-timeout 300ms \
    --health-retries 1 --rootfs "$R" sleep 1000
  wait_field t .State.Health.Status unhealthy 10
}

@test "health: --health-on-failure=restart restarts an unhealthy container" {
  strata run -d --name r --health-cmd false --health-interval 200ms --health-retries 1 \
    --health-on-failure restart --rootfs "$R" sleep 1000
  for i in $(seq 100); do
    [ "$(field r .RestartCount)" -ge 1 ] && break
    sleep 0.1
  done
  [ "$(field r .RestartCount)" -ge 1 ]
}

@test "kill -9 of the monitor loses nothing: the next command adopts the container" {
  strata run -d --name m --rootfs "$R" sleep 1000
  monitor=$(field m .State.MonitorPid)
  [ "$monitor" -gt 0 ]
  kill -9 "$monitor"
  sleep 0.2
  # The next command reconciles: a new monitor watches the still-running container.
  run strata ps
  [[ "$output" == *" m"* ]]
  wait_field m .State.MonitorAlive true 5
  [ "$(field m .State.MonitorPid)" != "$monitor" ]
  [ "$(field m .State.Status)" = running ]
  strata stop -t 1 m
  [ "$(field m .State.Status)" = exited ]
  [ -z "$(monitor_pids)" ]
}

@test "kill -9 of the monitor and then of the container: recorded as exited, policy applies" {
  strata run -d --name gone --restart on-failure:1 --rootfs "$R" sleep 1000
  monitor=$(field gone .State.MonitorPid)
  pid=$(field gone .State.Pid)
  kill -9 "$monitor"
  kill -9 "$pid"
  sleep 0.2
  strata ps -a >/dev/null
  # The new monitor finds it stopped, records the unknown exit, and restarts it once.
  wait_field gone .RestartCount 1 10
  wait_field gone .State.Status running 10
  strata rm -f gone
  assert_nothing_left
}

@test "kill -9 of an attached strata run: the monitor finishes and records the exit" {
  "$STRATA" run --name att --rootfs "$R" sh -c 'sleep 2; exit 4' >/dev/null 2>&1 </dev/null &
  client=$!
  wait_field att .State.Status running 10
  kill -9 "$client"
  wait_field att .State.Status exited 10
  [ "$(field att .State.ExitCode)" = 4 ]
}

#!/usr/bin/env bats
# Bad input: one clear line, a non-zero exit, and nothing half-made.

load helpers

@test "unknown container" {
  for cmd in logs inspect stop rm start top wait port; do
    run strata $cmd nosuchthing
    [ "$status" -ne 0 ]
    [[ "$output" == *"no such container: nosuchthing"* ]]
  done
}

@test "name in use" {
  strata create --name taken --rootfs "$R" true >/dev/null
  run strata run -d --name taken --rootfs "$R" true
  [ "$status" -ne 0 ]
  assert_one_line
  [[ "$output" == *taken*"already in use"* ]]
  [ "$(ls "$STRATA_ROOT/containers" | wc -l)" -eq 1 ]
}

@test "missing volume path, missing rootfs, invalid restart policy and durations" {
  run strata run --rm -v /nonexistent/strata-test:/x --rootfs "$R" true
  [ "$status" -ne 0 ]
  assert_one_line
  [[ "$output" == *"/nonexistent/strata-test"* ]]
  run strata run --rm --rootfs "$TEST_DIR/nope" true
  [ "$status" -ne 0 ]
  [[ "$output" == *"$TEST_DIR/nope"* ]]
  run strata run --restart sometimes --rootfs "$R" true
  [ "$status" -ne 0 ]
  [[ "$output" == *"restart policy \"sometimes\""* ]]
  run strata run --health-cmd true --health-interval soon --rootfs "$R" true
  [ "$status" -ne 0 ]
  [[ "$output" == *"--health-interval \"soon\""* ]]
  run strata run -u nosuchuser --rootfs "$R" true
  [ "$status" -ne 0 ]
  [[ "$output" == *nosuchuser* ]]
  run strata run -p 8080:80 --rootfs "$R" true
  [ "$status" -ne 0 ]
  run strata ps -aq
  [ -z "$output" ]
  assert_nothing_left
}

@test "rm of a running container needs -f; exec into a stopped one fails" {
  strata run -d --name busy --rootfs "$R" sleep 1000
  run strata rm busy
  [ "$status" -ne 0 ]
  assert_one_line
  [[ "$output" == *"cannot remove container busy"* ]]
  [ "$(field busy .State.Status)" = running ]
  strata stop -t 0 busy
  run strata exec busy true
  [ "$status" -ne 0 ]
  assert_one_line
  [[ "$output" == *"container busy is not running"* ]]
  strata start busy
  run strata rm -f busy
  [ "$status" -eq 0 ]
  assert_nothing_left
}

@test "a command that is not found: exit 127, the runtime's reason, nothing left with --rm" {
  run -127 strata run --rm --rootfs "$R" /no/such/command
  [ "$status" -eq 127 ]
  [[ "$output" == *"/no/such/command"* ]]
  run strata ps -aq
  [ -z "$output" ]
  assert_nothing_left
}

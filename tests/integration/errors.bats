#!/usr/bin/env bats
# Bad input: every case fails with a non-zero status, a message that names
# the thing that is wrong, and leaves nothing behind (state dir, mounts,
# cgroups, processes). Where runc's wording differs from a reasonable strun
# wording, the assertion is on the part clients match; strun is held to
# naming the object as well.

load helpers

# strun_names TEXT: strun's message must also contain TEXT (runc's may not).
strun_names() {
  if is_strun; then
    grep -qF -- "$1" <<<"$output" || fail "strun's message does not name '$1': $output"
  fi
}

@test "errors: missing bundle directory" {
  local missing=$TEST_DIR/no-such-bundle
  run rt create -b "$missing" "$CID" </dev/null
  assert_failed_with "no-such-bundle"
  assert_no_leaks "$CID"
}

@test "errors: missing config.json" {
  rm "$BUNDLE/config.json"
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "config\.json"
  assert_no_leaks "$CID"
}

@test "errors: malformed config.json" {
  head -c 100 "$TEMPLATE/config.json" >"$BUNDLE/config.json"
  run rt create -b "$BUNDLE" "$CID" </dev/null
  # runc 1.1.5 says only "unexpected EOF".
  assert_failed_with "config\.json|JSON|json|unexpected EOF"
  strun_names config.json
  assert_no_leaks "$CID"
}

@test "errors: unknown namespace type" {
  cfg '.linux.namespaces += [{type: "bogusns"}]'
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "bogusns"
  assert_no_leaks "$CID"
}

@test "errors: missing rootfs" {
  cfg '.root.path = "no-such-rootfs"'
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "no-such-rootfs"
  assert_no_leaks "$CID"
}

@test "errors: process binary missing in the rootfs (create and run)" {
  set_args /bin/strata-no-such-binary arg
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "/bin/strata-no-such-binary"
  assert_output_has "no such file or directory|not found"
  assert_no_leaks "$CID"

  CID=$(new_id)
  run rt run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "/bin/strata-no-such-binary"
  assert_no_leaks "$CID"
}

@test "errors: process binary not found in PATH" {
  set_args strata-not-in-path
  run rt run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "strata-not-in-path"
  assert_output_has "not found|no such file"
  assert_no_leaks "$CID"
}

@test "errors: duplicate id" {
  set_args sleep 100
  rt create -b "$BUNDLE" "$CID" </dev/null
  local pid
  pid=$(state_field "$CID" .pid)
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "exists"
  strun_names "$CID"
  run rt run -d -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "exists"
  # The first container is untouched.
  [ "$(state_field "$CID" .status)" = created ]
  [ "$(state_field "$CID" .pid)" = "$pid" ]
  kill -0 "$pid"
  rt delete --force "$CID"
  assert_no_leaks "$CID"
}

@test "errors: state, kill and delete of an unknown id" {
  local cmd
  for cmd in state kill delete; do
    run rt "$cmd" "$CID"
    assert_failed_with "does not exist"
    strun_names "$CID"
  done
  # `delete --force` of an unknown id succeeds quietly (runc 1.1.5 exits 0;
  # shims call it on cleanup paths).
  run rt delete --force "$CID"
  [ "$status" -eq 0 ]
  assert_no_leaks "$CID"
}

@test "errors: start of a container that is not created" {
  run rt start "$CID"
  assert_failed_with "does not exist"

  set_args true
  rt run -d -b "$BUNDLE" "$CID" </dev/null
  wait_status "$CID" stopped
  run rt start "$CID"
  assert_failed_with "stopped|not created"
  [ "$(state_field "$CID" .status)" = stopped ]
}

@test "errors: kill of a stopped container says not running" {
  set_args true
  rt run -d -b "$BUNDLE" "$CID" </dev/null
  wait_status "$CID" stopped
  run rt kill "$CID"
  assert_failed_with "not running"
  run rt kill "$CID" KILL
  assert_failed_with "not running"
  rt delete "$CID"
  assert_no_leaks "$CID"
}

@test "errors: delete of a running container without --force" {
  set_args sleep 100
  start_bg
  local pid
  pid=$(state_field "$CID" .pid)
  run rt delete "$CID"
  assert_failed_with "running"
  assert_output_has "$CID"
  # Still there and still running.
  [ "$(state_field "$CID" .status)" = running ]
  kill -0 "$pid"
}

@test "errors: kill with an unknown signal names it" {
  set_args sleep 100
  start_bg
  run rt kill "$CID" SIGBOGUS
  assert_failed_with "BOGUS"
  [ "$(state_field "$CID" .status)" = running ]
}

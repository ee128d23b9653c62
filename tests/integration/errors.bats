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

# Issue 16: a failure inside the init reaches the user with the step and the object.

# refused_naming VERB MUST NOT STRUN: `VERB` (run or create) of the bundle fails with output
# matching MUST and never containing NOT; strun's names STRUN too; nothing is left.
refused_naming() {
  run rt "$1" -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "$2"
  [[ "$output" != *"$3"* ]] || fail "the message says '$3': $output"
  strun_names "$4"
  assert_no_leaks "$CID"
}

@test "errors: a bad option on the /dev/pts mount names the mount, not a broken pipe" {
  cfg '.mounts |= map(if .destination == "/dev/pts" then .options += ["ptmxmode=06Infinity6"] else . end)'
  set_args true
  refused_naming run "/dev/pts.*invalid argument" "broken pipe" "mount /dev/pts"
}

@test "errors: a bad option on the /dev mount names the mount" {
  cfg '.mounts |= map(if .destination == "/dev" then .options += ["size=12QQ"] else . end)'
  set_args true
  refused_naming create "/dev.*invalid argument" "broken pipe" "mount /dev"
}

@test "errors: process.args /proc/self/exe says what it is instead of exiting 127 in silence" {
  set_args /proc/self/exe
  run rt run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "/proc/self/exe"
  [ "$status" -ne 127 ] || fail "exit 127: $output"
  strun_names "the runtime's own executable"
  assert_no_leaks "$CID"
}

@test "errors: a new user namespace without mappings is refused at validation" {
  cfg '.linux.namespaces += [{"type": "user"}] | del(.linux.uidMappings, .linux.gidMappings)'
  set_args true
  refused_naming run "uid mappings" "setresgid" "linux.uidMappings"
}

@test "errors: a rejected uid_map is shown on one line, its newlines escaped" {
  cfg '.linux.namespaces += [{"type": "user"}]
       | .linux.uidMappings = [{"containerID": 0, "hostID": 100000, "size": 100}, {"containerID": 50, "hostID": 200000, "size": 100}]
       | .linux.gidMappings = [{"containerID": 0, "hostID": 100000, "size": 100}]
       | .mounts |= map(select(.type != "cgroup"))'
  set_args true
  run --separate-stderr rt run -b "$BUNDLE" "$CID" </dev/null
  [ "$status" -ne 0 ] || fail "overlapping uid mappings were accepted"
  output=$stderr
  assert_output_has "uid_map"
  if is_strun; then
    # runc 1.1.5 prints several log lines of its own here.
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ] || fail "more than one line: $stderr"
    assert_output_has '0 100000 100\\n50 200000 100'
  fi
  assert_no_leaks "$CID"
}

@test "errors: a bundle that is a symlink loop is reported as one" {
  ln -s loop-b "$TEST_DIR/loop-a"
  ln -s loop-a "$TEST_DIR/loop-b"
  run rt create -b "$TEST_DIR/loop-a" "$CID" </dev/null
  assert_failed_with "too many levels of symbolic links"
  assert_output_has "loop-a"
  assert_no_leaks "$CID"
}

@test "errors: a root.path that is a file is reported as not a directory" {
  touch "$BUNDLE/rootfs-file"
  cfg '.root.path = "rootfs-file"'
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "not a directory"
  strun_names "rootfs-file"
  assert_no_leaks "$CID"
}

#!/usr/bin/env bats
# Global flags, logging, --version, spec, features.

load helpers

@test "--version prints a version line and the spec version" {
  run "$RUNTIME" --version
  [ "$status" -eq 0 ]
  grep -Eq 'version [0-9]' <<<"${lines[0]}"
  assert_output_has '^spec: [0-9]+\.[0-9]+\.[0-9]+'
}

@test "strun --version: 'strun version X', 'commit: Y', 'spec: 1.2.x'" {
  skip_unless_strun "strun's --version format"
  run "$RUNTIME" --version
  [ "$status" -eq 0 ]
  [ "${#lines[@]}" -ge 3 ]
  grep -Eq '^strun version [0-9]+\.[0-9]+\.[0-9]+[^ ]*$' <<<"${lines[0]}"
  grep -Eq '^commit: [^ ]+$' <<<"${lines[1]}"
  grep -Eq '^spec: 1\.2\.[0-9]+$' <<<"${lines[2]}"
}

@test "global --root before the subcommand selects the state directory" {
  set_args sleep 100
  start_bg
  run "$RUNTIME" --root "$ROOT" state "$CID"
  [ "$status" -eq 0 ]
  [ "$(jq -r .id <<<"$output")" = "$CID" ]
  [ -d "$ROOT/$CID" ]

  # Another root does not see it.
  mkdir -p "$TEST_DIR/other"
  run "$RUNTIME" --root "$TEST_DIR/other" state "$CID"
  assert_failed_with "does not exist"
  run "$RUNTIME" --root "$TEST_DIR/other" list -q
  [ "$status" -eq 0 ]
  [ -z "$output" ]
}

@test "strun: global flags are accepted after the subcommand too" {
  skip_unless_strun "runc only accepts global flags before the subcommand"
  set_args sleep 100
  start_bg
  run "$RUNTIME" state --root "$ROOT" "$CID"
  [ "$status" -eq 0 ]
  [ "$(jq -r .id <<<"$output")" = "$CID" ]
  run "$RUNTIME" list --root "$ROOT" -q
  [ "$status" -eq 0 ]
  [ "$output" = "$CID" ]
}

@test "--log FILE --log-format json writes JSON lines with level, msg, time" {
  local log=$TEST_DIR/log.json
  run "$RUNTIME" --log "$log" --log-format json --root "$ROOT" state "$CID"
  [ "$status" -ne 0 ]
  [ -s "$log" ]
  # Every line is a JSON object with the three fields.
  jq -e -s 'length > 0 and all(.[]; has("level") and has("msg") and has("time"))' "$log" >/dev/null
  # The error is in it.
  jq -e -s 'any(.[]; .level == "error" and (.msg | test("does not exist")))' "$log" >/dev/null
  # time is RFC 3339.
  jq -r '.time' "$log" | head -n1 | grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)$'
}

@test "strun: the JSON log error names the missing id" {
  skip_unless_strun "runc's message does not name the id"
  local log=$TEST_DIR/log.json
  run "$RUNTIME" --log "$log" --log-format json --root "$ROOT" state "$CID"
  [ "$status" -ne 0 ]
  jq -e -s --arg id "$CID" 'any(.[]; .level == "error" and (.msg | contains($id)))' "$log" >/dev/null
}

@test "spec writes a config.json template; refuses to overwrite it" {
  local dir=$TEST_DIR/spec
  mkdir -p "$dir"
  (cd "$dir" && "$RUNTIME" spec)
  jq -e '.ociVersion and .process.args and .root.path == "rootfs" and (.mounts | length > 0)' \
    "$dir/config.json" >/dev/null
  jq -e '[.linux.namespaces[].type] | index("mount") and index("pid")' "$dir/config.json" >/dev/null
  run bash -c "cd '$dir' && '$RUNTIME' spec"
  [ "$status" -ne 0 ]
}

@test "spec --bundle DIR and spec --rootless" {
  local dir=$TEST_DIR/spec-bundle
  mkdir -p "$dir"
  "$RUNTIME" spec --bundle "$dir"
  jq -e .ociVersion "$dir/config.json" >/dev/null

  dir=$TEST_DIR/spec-rootless
  mkdir -p "$dir"
  "$RUNTIME" spec --rootless --bundle "$dir"
  jq -e '[.linux.namespaces[].type] | index("user")' "$dir/config.json" >/dev/null
  jq -e '(.linux.uidMappings | length > 0) and (.linux.gidMappings | length > 0)' \
    "$dir/config.json" >/dev/null
}

@test "features prints JSON with ociVersionMin and ociVersionMax" {
  run "$RUNTIME" features
  if [[ "$status" -ne 0 ]] && ! is_strun; then
    skip "$(basename "$RUNTIME") has no features command"
  fi
  [ "$status" -eq 0 ]
  jq -e '.ociVersionMin and .ociVersionMax' <<<"$output" >/dev/null
  jq -e '.hooks | index("createRuntime") and index("poststop")' <<<"$output" >/dev/null
  jq -e '.linux.namespaces | index("pid") and index("mount")' <<<"$output" >/dev/null
}

@test "strun features: spec 1.2 and the namespaces it implements" {
  skip_unless_strun "strun's features content"
  run "$RUNTIME" features
  [ "$status" -eq 0 ]
  jq -e '.ociVersionMin == "1.0.0"' <<<"$output" >/dev/null
  jq -e '.ociVersionMax | test("^1\\.2\\.")' <<<"$output" >/dev/null
  jq -e '.linux.namespaces | (index("cgroup") and index("ipc") and index("mount")
    and index("network") and index("pid") and index("user") and index("uts") and index("time"))' \
    <<<"$output" >/dev/null
  jq -e '.linux.cgroup.v1 == true and .linux.cgroup.v2 == true' <<<"$output" >/dev/null
}

@test "kill ID 0: a liveness check, 0 while running and an error once stopped" {
  set_args sleep 300
  start_bg
  rt kill "$CID" 0
  rt kill --all "$CID" 0
  # Nothing was sent: the container still runs.
  [ "$(state_field "$CID" .status)" = running ]
  rt kill "$CID" KILL
  wait_status "$CID" stopped
  run rt kill "$CID" 0
  assert_failed_with "not running"
  run rt kill strata-no-such-container 0
  assert_failed_with "does not exist"
}

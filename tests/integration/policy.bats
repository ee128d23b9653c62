#!/usr/bin/env bats
# Admission policy: strun refuses or admits real containers by real policy files,
# records its decisions in the hash-chained audit log, and leaves nothing behind on a
# deny. `strata policy check` takes the same decisions without creating anything.

load helpers
load policy_helpers

setup() {
  base_setup
  skip_unless_strun "--policy and the audit log are Strata's"
  policy_setup
}

ADMIN='[{"id": "no-sys-admin", "severity": "critical", "effect": "deny", "match": {"capabilities": ["CAP_SYS_ADMIN"]}},
        {"id": "allow-rest", "severity": "low", "effect": "allow", "match": {}}]'

@test "policy: a denied config is refused at run with every violated rule, and nothing is created" {
  write_policy "$POLICY" '[
    {"id": "no-sys-admin", "severity": "critical", "effect": "deny", "match": {"capabilities": ["CAP_SYS_ADMIN"]}},
    {"id": "no-writable-root", "severity": "medium", "effect": "deny", "match": {"readonlyRootfs": false}},
    {"id": "allow-rest", "severity": "low", "effect": "allow", "match": {}}]'
  cfg '.process.capabilities.bounding += ["CAP_SYS_ADMIN"] | .root.readonly = false'
  set_args sh -c "touch $HOSTDIR/ran"
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "denies container \"$CID\""
  assert_output_has "rule no-sys-admin \\(critical\\): adds CAP_SYS_ADMIN"
  assert_output_has "rule no-writable-root \\(medium\\): writable rootfs"
  [[ ! -e "$HOSTDIR/ran" ]] || fail "the container ran"
  assert_no_leaks "$CID"
  # Nothing of the container: the root may hold only strun's compiled-policy cache
  # (@policy, a name no container id can take), which is the policy's, not the container's.
  left=$(ls -A "$ROOT" | grep -vx '@policy' || true)
  [[ -z "$left" ]] || fail "state root not empty: $left"
  # Both violations are in the audit log, as deny decisions, with the caller's uid.
  [[ $(audit_records --arg id "$CID" '[.[] | select(.id == $id and .decision == "deny" and .effect == "deny" and .uid == 0)] | length') == 2 ]] ||
    fail "audit log: $(cat "$AUDIT_LOG")"
  audit_records --arg b "$BUNDLE" 'all(.[]; .bundle == $b and .source == "create" and (.time | test("^20")))' | grep -qx true
}

@test "policy: create is refused the same way and leaves no state, cgroup or process" {
  write_policy "$POLICY" "$ADMIN"
  cfg '.process.capabilities.effective += ["CAP_SYS_ADMIN"]'
  run rt --policy "$POLICY" create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "rule no-sys-admin \\(critical\\)"
  assert_no_leaks "$CID"
}

@test "policy: the compiled policy is reused, and an edit takes effect on the next create" {
  write_policy "$POLICY" "$ADMIN"
  cfg '.process.capabilities.bounding += ["CAP_SYS_ADMIN"]'
  set_args true
  # Read once from JSON (and compiled under the state root), then from the compiled form.
  for n in 1 2; do
    run rt --policy "$POLICY" run -b "$BUNDLE" "$CID-$n" </dev/null
    assert_failed_with "rule no-sys-admin \\(critical\\)"
  done
  [[ -n "$(ls -A "$ROOT/@policy")" ]] || fail "no compiled policy under $ROOT/@policy"
  # The same size and the same second: only the content tells the edit apart.
  local size; size=$(stat -c %s "$POLICY")
  touch -r "$POLICY" "$POLICY.time"
  sed -i 's/"effect": "deny"/"effect":"audit"/' "$POLICY"
  touch -r "$POLICY.time" "$POLICY"
  [[ $(stat -c %s "$POLICY") == "$size" ]] || fail "the edit changed the size"
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID-3" </dev/null
  [[ "$status" -eq 0 ]] || fail "the edited policy (audit instead of deny) was not applied: $output"
  # A broken edit fails the create naming the file, cached entry or not.
  echo '{"strataPolicy": 1, "rulez": []}' >"$POLICY"
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID-4" </dev/null
  assert_failed_with "$POLICY"
  for n in 1 2 3 4; do assert_no_leaks "$CID-$n"; done
}

@test "policy: an allowed container runs; allow and audit matches are recorded" {
  write_policy "$POLICY" '[
    {"id": "watch-root", "severity": "low", "effect": "audit", "match": {"runAsRoot": true}},
    {"id": "allow-rest", "severity": "low", "effect": "allow", "match": {}}]'
  set_args sh -c 'echo inside-$(id -u)'
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  [[ "$status" -eq 0 ]] || fail "run failed: $output"
  assert_output_has "^inside-0$"
  [[ $(audit_records --arg id "$CID" '[.[] | select(.id == $id and .decision == "allow")] | map(.rule) | sort | join(",")') == '"allow-rest,watch-root"' ]] ||
    fail "audit log: $(cat "$AUDIT_LOG")"
  assert_no_leaks "$CID"
}

@test "policy: audit rules alone let the container run and record what matched" {
  write_policy "$POLICY" '[{"id": "no-limits", "severity": "medium", "effect": "audit", "match": {"missingLimits": ["memory", "pids"]}}]'
  set_args true
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  [[ "$status" -eq 0 ]] || fail "run failed: $output"
  audit_records --arg id "$CID" 'any(.[]; .id == $id and .rule == "no-limits" and .effect == "audit" and .severity == "medium" and (.reason | test("no memory, pids limit")))' | grep -qx true ||
    fail "audit log: $(cat "$AUDIT_LOG")"
}

@test "policy: a config no rule matches is denied by default" {
  write_policy "$POLICY" '[{"id": "only-quay", "severity": "low", "effect": "allow", "match": {"images": ["quay.io/*"]}}]'
  set_args true
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "no rule allows this config and the default effect is deny"
  assert_no_leaks "$CID"
  audit_records 'any(.[]; .rule == "(default)" and .decision == "deny")' | grep -qx true
}

@test "policy: the image fact reads the engine's annotation (containerd CRI)" {
  write_policy "$POLICY" '[{"id": "only-quay", "severity": "low", "effect": "allow", "match": {"images": ["quay.io/strata/*"]}}]'
  set_args true
  cfg '.annotations["io.kubernetes.cri.image-name"] = "quay.io/strata/busybox:1"'
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  [[ "$status" -eq 0 ]] || fail "run failed: $output"
  cfg '.annotations["io.kubernetes.cri.image-name"] = "docker.io/evil/busybox:1"'
  run rt --policy "$POLICY" run -b "$BUNDLE" "$(new_id)" </dev/null
  assert_failed_with "no rule allows"
}

@test "policy: host namespaces, bind mounts, devices and sysctls are facts" {
  write_policy "$POLICY" '[
    {"id": "host-net", "severity": "high", "effect": "deny", "match": {"hostNamespaces": ["network"]}},
    {"id": "sock", "severity": "critical", "effect": "deny", "match": {"mount": {"source": ["/run/*.sock", "/var/run/*.sock"]}}},
    {"id": "kmsg", "severity": "high", "effect": "deny", "match": {"devices": ["c 1:11"]}},
    {"id": "sysctl", "severity": "high", "effect": "deny", "match": {"sysctls": ["kernel.*"]}},
    {"id": "allow-rest", "severity": "low", "effect": "allow", "match": {}}]'
  set_args true
  cfg '.linux.namespaces |= map(select(.type != "network"))
       | .mounts += [{"destination": "/run/x.sock", "type": "bind", "source": "/run/x.sock", "options": ["rbind"]}]
       | .linux.resources.devices += [{"allow": true, "type": "c", "major": 1, "minor": 11, "access": "r"}]
       | .linux.sysctl = {"kernel.domainname": "x"}'
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "rule host-net \\(high\\): shares the host's network namespace"
  assert_output_has "rule sock \\(critical\\): mounts /run/x.sock at /run/x.sock \\(type bind\\)"
  assert_output_has "rule kmsg \\(high\\): allows device c 1:11"
  assert_output_has "rule sysctl \\(high\\): sets sysctl kernel.domainname"
  assert_no_leaks "$CID"
}

@test "policy: STRATA_POLICY applies it, --policy wins over it" {
  write_policy "$POLICY" "$ADMIN"
  write_policy "$TEST_DIR/allow.json" '[{"id": "all", "effect": "allow", "match": {}}]'
  cfg '.process.capabilities.bounding += ["CAP_SYS_ADMIN"]'
  set_args true
  STRATA_POLICY=$POLICY run rt run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "rule no-sys-admin"
  STRATA_POLICY=$POLICY run rt --policy "$TEST_DIR/allow.json" run -b "$BUNDLE" "$CID" </dev/null
  [[ "$status" -eq 0 ]] || fail "run with --policy allow failed: $output"
}

@test "policy: the well-known /etc/strata/policy.json is enforced when present" {
  write_policy "$HOSTDIR/policy.json" "$ADMIN"
  cfg '.process.capabilities.bounding += ["CAP_SYS_ADMIN"]'
  set_args true
  # Only in a private mount namespace, so no other strun on this host sees the file.
  local made=
  [[ -d /etc/strata ]] || { mkdir /etc/strata && made=1; }
  run unshare -m --propagation private bash -c \
    'mount --bind "$1" /etc/strata && exec "$2" --root "$3" run -b "$4" "$5" </dev/null' _ \
    "$HOSTDIR" "$RUNTIME" "$ROOT" "$BUNDLE" "$CID"
  [[ -z "$made" ]] || rmdir /etc/strata
  assert_failed_with "policy /etc/strata/policy.json denies container \"$CID\""
  [[ ! -e /etc/strata/policy.json ]]
  assert_no_leaks "$CID"
}

@test "policy: a broken policy file fails create naming the file and the member; nothing is created" {
  echo '{"strataPolicy": 1, "rules": [{"id": "x", "effect": "deny", "match": {"capabilites": ["CAP_SYS_ADMIN"]}}]}' >"$POLICY"
  set_args true
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "policy $POLICY: rules\\[0\\]\\.match\\.capabilites: unknown member"
  assert_no_leaks "$CID"
  run rt --policy "$TEST_DIR/missing.json" run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "missing\\.json: no such file"
  assert_no_leaks "$CID"
}

@test "policy: an audit log that cannot be written fails the create closed" {
  write_policy "$POLICY" "$ADMIN" '.audit.path = "/proc/strata-no-such/audit.jsonl"'
  set_args true
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "audit log|/proc/strata-no-such"
  assert_no_leaks "$CID"
}

@test "policy check: the same decisions as strun, without creating or recording anything" {
  write_policy "$POLICY" "$ADMIN"
  run strata policy check "$BUNDLE/config.json" --policy "$POLICY"
  [[ "$status" -eq 0 ]] || fail "check of an allowed config: $output"
  assert_output_has "^allow: "
  cfg '.process.capabilities.bounding += ["CAP_SYS_ADMIN"]'
  run strata policy check "$BUNDLE" --policy "$POLICY" --format json
  [[ "$status" -eq 1 ]] || fail "check of a denied config exited $status: $output"
  jq -e '.decision == "deny" and .matches[0].rule == "no-sys-admin" and .matches[0].severity == "critical"' <<<"$output" >/dev/null
  [[ ! -e "$AUDIT_LOG" ]] || fail "check wrote the audit log"
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "rule no-sys-admin"
}

@test "policy report: counts by severity and effect, top rules, recent violations" {
  write_policy "$POLICY" "$ADMIN"
  set_args true
  rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  cfg '.process.capabilities.bounding += ["CAP_SYS_ADMIN"]'
  for i in 1 2 3; do
    run rt --policy "$POLICY" run -b "$BUNDLE" "denied-$i" </dev/null
    [[ "$status" -ne 0 ]]
  done
  run strata policy report --policy "$POLICY" --format json
  [[ "$status" -eq 0 ]] || fail "report: $output"
  jq -e '.records == 4 and .bySeverity.critical == 3 and .bySeverity.low == 1 and .byEffect.deny == 3
         and .byEffect.allow == 1 and .topRules[0].rule == "no-sys-admin" and .topRules[0].count == 3
         and (.recentViolations | length) == 3 and .recentViolations[2].id == "denied-3"' <<<"$output" >/dev/null ||
    fail "report: $output"
  run strata policy report --log "$AUDIT_LOG"
  assert_output_has "by severity: critical 3, low 1"
  assert_output_has "denied-3  rule no-sys-admin \\(critical\\): adds CAP_SYS_ADMIN"
}

@test "policy: the shipped default policy admits the plain config and refuses a privileged one" {
  jq --arg log "$AUDIT_LOG" '.audit.path = $log' "$REPO_ROOT/policies/default.json" >"$POLICY"
  set_args true
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  [[ "$status" -eq 0 ]] || fail "default policy refused runc's spec: $output"
  cfg '.process.capabilities.bounding += ["CAP_SYS_ADMIN"] | .linux.namespaces |= map(select(.type != "pid"))
       | .mounts += [{"destination": "/var/run/docker.sock", "source": "/var/run/docker.sock", "options": ["bind"]}]'
  run rt --policy "$POLICY" run -b "$BUNDLE" "$(new_id)" </dev/null
  assert_failed_with "no-privileged-capabilities \\(critical\\)"
  assert_output_has "no-host-namespaces \\(high\\): shares the host's pid namespace"
  assert_output_has "no-runtime-sockets \\(critical\\)"
}

@test "policy: a typo in a value (capability, namespace, limit, device, syscall) is refused, naming the path and the value" {
  set_args true
  # CAP_SYS_ADMN would load, never match, and admit the very container it was written against.
  write_policy "$POLICY" '[
    {"id": "no-sys-admin", "severity": "critical", "effect": "deny", "match": {"capabilities": ["CAP_SYS_ADMN"]}},
    {"id": "allow-rest", "severity": "low", "effect": "allow", "match": {}}]'
  cfg '.process.capabilities.bounding += ["CAP_SYS_ADMIN"]'
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "policy $POLICY: rules\\[0\\]\\.match\\.capabilities\\[0\\]: unknown capability \"CAP_SYS_ADMN\" \\(did you mean CAP_SYS_ADMIN\\?\\)"
  assert_no_leaks "$CID"

  local match
  for match in '{"hostNamespaces": ["pid", "netwrk"]}|hostNamespaces\[1\]: "netwrk"' \
               '{"missingLimits": ["memroy"]}|missingLimits\[0\]: "memroy"' \
               '{"devices": ["c 1:3", "x 1:3"]}|devices\[1\]: "x 1:3"'; do
    CID=$(new_id)
    write_policy "$POLICY" '[{"id": "r", "effect": "deny", "match": '"${match%%|*}"'}]'
    run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
    assert_failed_with "rules\\[0\\]\\.match\\.${match#*|}"
    assert_no_leaks "$CID"
  done

  CID=$(new_id)
  write_policy "$POLICY" '[]' '.syscalls = {"rules": [{"id": "m", "names": ["mount", "umout2"], "effect": "deny"}]}'
  run rt --policy "$POLICY" run -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with 'syscalls\.rules\[0\]\.names\[1\]: unknown syscall "umout2"'
  assert_no_leaks "$CID"

  # strata policy check reads the same parser.
  run strata policy check "$BUNDLE/config.json" --policy "$POLICY"
  assert_failed_with 'unknown syscall "umout2"'
}

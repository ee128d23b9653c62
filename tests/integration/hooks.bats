#!/usr/bin/env bats
# OCI hooks: order, the state on stdin, timeouts, failures.

load helpers

# hook_script: a hook that appends "NAME STATE-JSON" to $HOSTDIR/hooks/log.
# It lives in a host dir that is also bind-mounted at the same path in the
# container, so its path works for the hooks that run in the container's
# mount namespace (createContainer, startContainer) too.
hook_script() {
  mkdir -p "$HOSTDIR/hooks"
  HOOK=$HOSTDIR/hooks/hook.sh
  HOOK_LOG=$HOSTDIR/hooks/log
  cat >"$HOOK" <<SCRIPT
#!/bin/sh
state=\$(cat)
echo "\$1 \$state" >>"$HOOK_LOG"
SCRIPT
  chmod 0755 "$HOOK"
  cfg '.mounts += [{destination: $d, type: "bind", source: $d, options: ["rbind", "rw"]}]' \
    --arg d "$HOSTDIR/hooks"
}

@test "hooks: all six run in order and get the state on stdin" {
  hook_script
  local h
  for h in prestart createRuntime createContainer startContainer poststart poststop; do
    cfg '.hooks[$h] = [{path: $p, args: ["hook.sh", $h], env: ["STRATA_HOOK=1"]}]' \
      --arg h "$h" --arg p "$HOOK"
  done
  set_args true
  run_ctr
  [ "$status" -eq 0 ] || fail "run failed: $output"

  local -a names
  mapfile -t names < <(awk '{print $1}' "$HOOK_LOG")
  [ "${#names[@]}" -eq 6 ] || fail "hooks ran: ${names[*]}"
  [ "${names[0]} ${names[1]} ${names[2]}" = "prestart createRuntime createContainer" ] ||
    fail "order: ${names[*]}"
  [ "${names[5]}" = poststop ] || fail "order: ${names[*]}"
  # runc 1.1.5 runs poststart (in `start`) concurrently with startContainer
  # (in the container's init), so only strun promises the order between them.
  [ "$(printf '%s\n' "${names[3]}" "${names[4]}" | sort | tr '\n' ' ')" = "poststart startContainer " ]
  if is_strun; then
    [ "${names[3]} ${names[4]}" = "startContainer poststart" ] || fail "order: ${names[*]}"
  fi

  # Every hook got the state of this container as JSON.
  local name json
  while read -r name json; do
    [ "$(jq -r .id <<<"$json")" = "$CID" ] || fail "$name: $json"
    [ "$(jq -r .bundle <<<"$json")" = "$BUNDLE" ] || fail "$name: $json"
    jq -e .ociVersion <<<"$json" >/dev/null || fail "$name: $json"
    case "$name" in
      poststop)
        [ "$(jq -r .status <<<"$json")" = stopped ] || fail "$name: $json" ;;
      createContainer | startContainer)
        # Run in the container's namespaces: runc 1.1.5 reports pid 1 (the
        # pid inside), crun 1.8.1 pid 0; strun reports the host pid.
        jq -e 'has("pid")' <<<"$json" >/dev/null || fail "$name: $json"
        if is_strun; then
          [ "$(jq -r .pid <<<"$json")" -gt 1 ] || fail "$name: $json"
        fi ;;
      *)
        [ "$(jq -r .pid <<<"$json")" -gt 1 ] || fail "$name: $json" ;;
    esac
  done <"$HOOK_LOG"
  assert_no_leaks "$CID"
}

@test "hooks: a failing prestart hook makes create fail and leaves nothing" {
  cfg '.hooks.prestart = [{path: "/bin/sh", args: ["sh", "-c", "echo hook-said-no >&2; exit 7"]}]'
  set_args true
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "hook"
  assert_output_has "(exit|status|code)[^0-9]{0,12}7"
  assert_no_leaks "$CID"
}

@test "hooks: a failing createRuntime hook makes create fail and leaves nothing" {
  cfg '.hooks.createRuntime = [{path: "/bin/false", args: ["false"]}]'
  set_args true
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "hook"
  assert_no_leaks "$CID"
}

@test "hooks: a hook past its timeout is killed and create fails" {
  cfg '.hooks.createRuntime = [{path: "/bin/sleep", args: ["sleep", "30"], timeout: 1}]'
  set_args true
  local start=$SECONDS
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "hook"
  assert_output_has "timeout|timed out"
  ((SECONDS - start < 10)) || fail "create took $((SECONDS - start))s"
  assert_no_leaks "$CID"
  [ -z "$(pgrep -f '^sleep 30$' || true)" ]
}

@test "hooks: a missing hook binary makes create fail and names it" {
  cfg '.hooks.prestart = [{path: $p}]' --arg p "$HOSTDIR/no-such-hook"
  set_args true
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "no-such-hook"
  assert_no_leaks "$CID"
}

@test "hooks: the timeout holds even when a large state is never read" {
  # 256 KiB of annotations: more than a pipe holds, so a blocking write would hang.
  head -c 196608 /dev/zero | base64 -w0 | jq -Rs . >"$BATS_TEST_TMPDIR/big.json"
  cfg '.annotations = {"big": $b[0]} | .hooks.prestart = [{path: "/bin/sleep", args: ["sleep", "30"], timeout: 1}]' \
    --slurpfile b "$BATS_TEST_TMPDIR/big.json"
  set_args true
  local start=$SECONDS
  run rt create -b "$BUNDLE" "$CID" </dev/null
  [ "$status" -ne 0 ]
  ((SECONDS - start < 10)) || fail "create took $((SECONDS - start))s"
  assert_output_has "timed out|timeout"
  assert_no_leaks "$CID"
}

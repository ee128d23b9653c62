#!/usr/bin/env bats
# Security settings: what the runtime must enforce, or refuse when it cannot.

load helpers

# assert_host_device_denied: with CAP_MKNOD, as Docker grants it, the container can make a
# node for the host's loop-control (10:237) but not open it; the standard devices work.
assert_host_device_denied() {
  cfg '.process.capabilities.bounding += ["CAP_MKNOD"]
    | .process.capabilities.effective += ["CAP_MKNOD"]
    | .process.capabilities.permitted += ["CAP_MKNOD"]
    | .root.readonly = false'
  sh_in_ctr 'mknod /dev/lc c 10 237 && echo made; (exec 3</dev/lc) 2>/dev/null && echo opened || echo denied;
             echo x >/dev/null && echo null-ok'
  [ "${lines[0]}" = made ]
  [ "${lines[1]}" = denied ]
  [ "${lines[2]}" = null-ok ]
}

@test "device cgroup: a deny-all rule stops mknod'd host devices from being opened" {
  # The default `spec` rules deny every device but the standard ones.
  assert_host_device_denied
  assert_no_leaks "$CID"
}

@test "strun: the container gets a session keyring of its own" {
  skip_unless_strun "runc names it differently"
  cfg '.linux.maskedPaths -= ["/proc/keys"]'
  sh_in_ctr 'cat /proc/keys'
  assert_output_has "_ses\\.$CID"
}

@test "CVE-2019-5736: exec of /proc/self/exe in the container never runs the host runtime" {
  local before after
  before=$(md5sum "$RUNTIME" | cut -d' ' -f1)
  set_args /proc/self/exe --version
  run "$RUNTIME" --root "$ROOT" run -b "$BUNDLE" "$CID" </dev/null
  after=$(md5sum "$RUNTIME" | cut -d' ' -f1)
  [ "$before" = "$after" ]
  if is_strun; then
    # strun refuses the runtime's own executable as the program, naming it (errors.bats);
    # were it run, the init's exec goes through a sealed memfd stub, never the host binary.
    [ "$status" -ne 0 ] || fail "expected a refusal: $output"
    [[ "$output" == *"the runtime's own executable"* ]] || fail "not named: $output"
    [[ "$output" != *"strun version"* ]] || fail "host strun ran inside the container: $output"
  fi
  assert_no_leaks "$CID"
}

@test "the user process's /proc/self/exe is its own binary, and its argv is untouched" {
  sh_in_ctr 'readlink /proc/self/exe; tr "\0" " " </proc/1/cmdline; echo'
  [ "${lines[0]}" = /bin/busybox ]
  [[ "${lines[1]}" == "sh -c readlink"* ]]
}

@test "strun: an AppArmor profile or SELinux label on a host without that LSM is refused, naming it" {
  skip_unless_strun "runc 1.1.5 silently ignores an AppArmor profile when AppArmor is off"
  [[ "$(cat /sys/module/apparmor/parameters/enabled 2>/dev/null)" != Y ]] || skip "AppArmor is enabled on this host"
  [[ ! -e /sys/fs/selinux/enforce ]] || skip "SELinux is enabled on this host"
  set_args true
  cfg '.process.apparmorProfile = "strata-test-profile"'
  run_ctr
  assert_failed_with 'process\.apparmorProfile "strata-test-profile": AppArmor is not enabled on this host'
  assert_no_leaks "$CID"
  cfg 'del(.process.apparmorProfile) | .process.selinuxLabel = "system_u:system_r:container_t:s0"'
  run_ctr
  assert_failed_with 'process\.selinuxLabel .*SELinux is not enabled on this host'
  assert_no_leaks "$CID"
}

@test "device cgroup: a config without device rules still gets deny-all plus the default devices" {
  cfg 'del(.linux.resources)'
  assert_host_device_denied
}

#!/usr/bin/env bats
# Security settings: what the runtime must enforce, or refuse when it cannot.

load helpers

@test "device cgroup: a deny-all rule stops mknod'd host devices from being opened" {
  # CAP_MKNOD as Docker grants it; the default `spec` rules deny every device but the
  # standard ones. 10:237 is the host's loop-control.
  cfg '.process.capabilities.bounding += ["CAP_MKNOD"]
    | .process.capabilities.effective += ["CAP_MKNOD"]
    | .process.capabilities.permitted += ["CAP_MKNOD"]
    | .root.readonly = false'
  sh_in_ctr 'mknod /dev/lc c 10 237 && echo made; (exec 3</dev/lc) 2>/dev/null && echo opened || echo denied;
             echo x >/dev/null && echo null-ok'
  [ "${lines[0]}" = made ]
  [ "${lines[1]}" = denied ]
  [ "${lines[2]}" = null-ok ]
  assert_no_leaks "$CID"
}

@test "strun: a seccomp profile is refused while seccomp is not implemented" {
  skip_unless_strun "runc enforces seccomp"
  cfg '.linux.seccomp = {defaultAction: "SCMP_ACT_ALLOW", syscalls: [{names: ["mkdir"], action: "SCMP_ACT_ERRNO"}]}'
  set_args true
  run_ctr
  assert_failed_with "seccomp"
  assert_no_leaks "$CID"
}

@test "strun: the container gets a session keyring of its own" {
  skip_unless_strun "runc names it differently"
  cfg '.linux.maskedPaths -= ["/proc/keys"]'
  sh_in_ctr 'cat /proc/keys'
  assert_output_has "_ses\\.$CID"
}

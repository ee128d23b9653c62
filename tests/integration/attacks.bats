#!/usr/bin/env bats
# Attacks on the runtime's own writes and mounts, each reproduced: the attack must fail.
# The comment above each test names the CVE class. Run against runc too; where Debian's
# runc 1.1.5 is itself vulnerable, the test is skipped for it, naming the CVE.

load helpers

# The race test creates 50 containers; on a loaded 2-core machine that takes minutes.
export BATS_TEST_TIMEOUT=${STRATA_ATTACKS_TIMEOUT:-300}

# use_bundle_dev: the container's /dev is the bundle's directory fakedev, bind-mounted
# (the attacker controls what is in it), instead of a tmpfs the runtime fills.
use_bundle_dev() {
  mkdir -p "$BUNDLE/fakedev/pts" "$BUNDLE/fakedev/shm" "$BUNDLE/fakedev/mqueue"
  cfg '(.mounts[] | select(.destination == "/dev")) |= {"destination": "/dev", "type": "bind",
       "source": $d, "options": ["rbind", "nosuid"]}' --arg d "$BUNDLE/fakedev"
}

# assert_regular_file PATH CONTENT: PATH is still a regular file holding CONTENT.
assert_regular_file() {
  [[ "$(stat -c %F "$1")" == "regular file" ]] || fail "$1 is now a $(stat -c %F "$1")"
  [[ "$(cat "$1")" == "$2" ]] || fail "$1 changed: $(head -c 200 "$1")"
}

# assert_sysctl_bind_refused DEST: a host file bound at DEST with the sysctl
# net.ipv4.ip_forward set: create fails naming the file, which keeps its content.
assert_sysctl_bind_refused() {
  printf 'host-file\n' >"$HOSTDIR/ip_forward"
  cfg '.mounts += [{"destination": $d, "type": "bind", "source": $f, "options": ["bind"]}]
       | .linux.sysctl = {"net.ipv4.ip_forward": "1"}' --arg d "$1" --arg f "$HOSTDIR/ip_forward"
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "ip_forward"
  assert_regular_file "$HOSTDIR/ip_forward" host-file
  assert_no_leaks "$CID"
}

# CVE-2025-52881 class (and CVE-2019-16884): a write the runtime makes under /proc must
# reach procfs, never a file a config or a container mounted over it.
@test "CVE-2025-52881: a sysctl is never written into a host file bind-mounted over /proc/sys" {
  assert_sysctl_bind_refused /proc/sys/net/ipv4/ip_forward
}

# CVE-2025-52881 class: the same file reached through a symlink of the image.
@test "CVE-2025-52881: a bind mount into /proc through a symlink of the image is refused" {
  ln -s /proc/sys/net/ipv4 "$BUNDLE/rootfs/fwd"
  assert_sysctl_bind_refused /fwd/ip_forward
}

# CVE-2025-52881 class: the verified procfs still writes the container's own sysctls.
@test "sysctls reach the container's own network namespace" {
  cfg '.linux.sysctl = {"net.ipv4.ip_forward": "1", "net.ipv4.ping_group_range": "0 0"}'
  sh_in_ctr 'cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/ping_group_range'
  [ "${lines[0]}" = 1 ] || fail "ip_forward: $output"
  [[ "${lines[1]}" =~ ^0[[:space:]]+0$ ]] || fail "ping_group_range: $output"
}

# CVE-2021-30465 class: a process that shares a directory with the rootfs swaps a mount
# destination for a symlink to a host directory (atomically, renameat2 RENAME_EXCHANGE)
# while containers are created. Every mount must land inside the rootfs, a read-only bind
# must be read-only wherever it landed, and nothing may cover the host directory.
@test "CVE-2021-30465: mount destinations exchanged with symlinks (renameat2) in a loop never escape" {
  command -v cc >/dev/null || skip "cc is needed to build the swapper"
  cc -O -o "$TEST_DIR/swap" "$BATS_TEST_DIRNAME/swap.c"
  mkdir -p "$HOSTDIR/victim" "$HOSTDIR/src"
  echo victim >"$HOSTDIR/victim/marker"
  echo src >"$HOSTDIR/src/marker"
  mkdir "$BUNDLE/rootfs/race-tmpfs" "$BUNDLE/rootfs/race-bind"
  ln -s "$HOSTDIR/victim" "$BUNDLE/rootfs/link-abs"
  ln -s "../../../../../../../../..$HOSTDIR/victim" "$BUNDLE/rootfs/link-rel"
  cfg '.mounts += [
      {"destination": "/race-tmpfs", "type": "tmpfs", "source": "tmpfs", "options": ["size=1m"]},
      {"destination": "/race-bind", "type": "bind", "source": $s, "options": ["rbind", "ro", "nosuid"]},
      {"destination": "/victim", "type": "bind", "source": $v, "options": ["rbind"]}]' \
    --arg s "$HOSTDIR/src" --arg v "$HOSTDIR/victim"
  set_args true
  (cd "$BUNDLE/rootfs" && exec "$TEST_DIR/swap" race-tmpfs link-abs race-bind link-rel) &
  local swapper=$!
  CLEANUP_PIDS+=("$swapper")
  local i pid created=0 failed=0 src_root opts
  src_root="$(basename "$TEST_DIR")/host/src"
  for i in $(seq 1 50); do
    CID=$(new_id)
    if rt create -b "$BUNDLE" "$CID" </dev/null >/dev/null 2>"$TEST_DIR/create.err"; then
      created=$((created + 1))
      pid=$(state_field "$CID" .pid)
      # /victim, bound after the racing mounts, must still show the host's directory:
      # a tmpfs or bind that had landed on it would cover the marker.
      [ "$(cat "/proc/$pid/root/victim/marker" 2>&1)" = victim ] ||
        fail "create $i: the host directory was covered: $(ls -A "/proc/$pid/root/victim")"
      # The read-only bind of src, wherever inside the root it landed, is read-only.
      opts=$(awk -v r="$src_root" 'length($4) >= length(r) && substr($4, length($4) - length(r) + 1) == r { print $6 }' \
        "/proc/$pid/mountinfo")
      [[ -n "$opts" ]] || fail "create $i: the bind of src is missing: $(cat "/proc/$pid/mountinfo")"
      while read -r o; do
        [[ "$o" == ro,* || "$o" == ro ]] || fail "create $i: the bind of src is not read-only: $o"
      done <<<"$opts"
      grep -q ' - tmpfs tmpfs .*size=1024k' "/proc/$pid/mountinfo" || fail "create $i: the tmpfs is missing"
    else
      failed=$((failed + 1))
    fi
    rt delete -f "$CID" >/dev/null 2>&1 || true
    assert_no_leaks "$CID"
  done
  kill "$swapper" 2>/dev/null || true
  echo "# $created of 50 creates succeeded while racing, $failed failed cleanly" >&3
  assert_regular_file "$HOSTDIR/victim/marker" victim
  [ -z "$(ls -A "$HOSTDIR/victim" | grep -v '^marker$')" ] || fail "host directory written: $(ls -A "$HOSTDIR/victim")"
  ! grep -qF " $HOSTDIR/victim " /proc/self/mountinfo
}

# create_with_terminal_and_sensitive_file: a host file bound at /sensitive (content
# "secret"), terminal: true, and `create` with a console receiver, captured by `run`.
create_with_terminal_and_sensitive_file() {
  echo secret >"$HOSTDIR/sensitive"
  cfg '.mounts += [{"destination": "/sensitive", "type": "bind", "source": $f, "options": ["bind"]}]
       | .process.terminal = true' --arg f "$HOSTDIR/sensitive"
  set_args sh -c 'sleep 30'
  local sock=$TEST_DIR/console.sock
  python3 "$BATS_TEST_DIRNAME/recvtty.py" "$sock" "$HOSTDIR/console.out" 20 &
  CLEANUP_PIDS+=($!)
  wait_for_socket "$sock"
  run rt create --console-socket "$sock" -b "$BUNDLE" "$CID" </dev/null
}

# CVE-2025-52565 class: with terminal: true the runtime binds the pty over /dev/console.
# A /dev/console that is a symlink must not lead that mount onto another file.
@test "CVE-2025-52565: a /dev/console symlink never gets the pty mounted on its target" {
  is_strun || skip "runc 1.1.5 is vulnerable to CVE-2025-52565"
  use_bundle_dev
  mknod "$BUNDLE/fakedev/null" c 1 3
  ln -s pts/ptmx "$BUNDLE/fakedev/ptmx"
  ln -s /sensitive "$BUNDLE/fakedev/console"
  create_with_terminal_and_sensitive_file
  if [[ "$status" -eq 0 ]]; then
    local pid
    pid=$(state_field "$CID" .pid)
    assert_regular_file "/proc/$pid/root/sensitive" secret
  else
    assert_output_has "/dev/console"
    assert_no_leaks "$CID"
  fi
  assert_regular_file "$HOSTDIR/sensitive" secret
}

# CVE-2025-52565 class: the slave must come from the master (TIOCGPTPEER), not from the
# path /dev/pts/N, which here is a symlink to a sensitive file (no devpts on /dev/pts).
@test "CVE-2025-52565: /dev/pts/N symlinks never get bound over /dev/console" {
  is_strun || skip "runc 1.1.5 is vulnerable to CVE-2025-52565"
  use_bundle_dev
  cfg 'del(.mounts[] | select(.destination == "/dev/pts"))'
  mknod "$BUNDLE/fakedev/null" c 1 3
  mknod "$BUNDLE/fakedev/ptmx" c 5 2
  local n
  for n in $(seq 0 1023); do ln -s /sensitive "$BUNDLE/fakedev/pts/$n"; done
  create_with_terminal_and_sensitive_file
  if [[ "$status" -eq 0 ]]; then
    local pid
    pid=$(state_field "$CID" .pid)
    assert_regular_file "/proc/$pid/root/sensitive" secret
    [[ "$(stat -c %F "/proc/$pid/root/dev/console")" == "character special file" ]] ||
      fail "/dev/console is a $(stat -c %F "/proc/$pid/root/dev/console")"
    [[ "$(stat -c %t "/proc/$pid/root/dev/console")" =~ ^8[89a-f]$ ]] ||
      fail "/dev/console is not a pty: major 0x$(stat -c %t "/proc/$pid/root/dev/console")"
  else
    assert_no_leaks "$CID"
  fi
  assert_regular_file "$HOSTDIR/sensitive" secret
}

# run_with_masked_secret: a host file bound at /secret (content "secret") and listed in
# maskedPaths; a container that prints it, `run` with stderr apart.
run_with_masked_secret() {
  echo secret >"$HOSTDIR/secret"
  cfg '.mounts += [{"destination": "/secret", "type": "bind", "source": $f, "options": ["bind"]}]
       | .linux.maskedPaths += ["/secret"]' --arg f "$HOSTDIR/secret"
  set_args sh -c 'cat /secret; echo end'
  run --separate-stderr rt run -b "$BUNDLE" "$CID" </dev/null
}

# CVE-2025-31133 class: masking binds /dev/null over a file. A /dev/null that is a symlink
# to a procfs file must not put that file where the mask should be.
@test "CVE-2025-31133: a /dev/null symlinked to a procfs file never unmasks a masked path" {
  is_strun || skip "runc 1.1.5 is vulnerable to CVE-2025-31133"
  use_bundle_dev
  ln -s /proc/sys/kernel/core_pattern "$BUNDLE/fakedev/null"
  run_with_masked_secret
  if [[ "$status" -eq 0 ]]; then
    [ "$output" = end ] || fail "the masked path reads: $output"
  else
    [[ "$output$stderr" != *secret*end* ]] || fail "the container ran unmasked: $output"
    grep -q "/dev/null" <<<"$stderr" || fail "the error does not name /dev/null: $stderr"
  fi
  assert_regular_file "$HOSTDIR/secret" secret
  assert_no_leaks "$CID"
}

# CVE-2025-31133 class: a missing /dev/null must not leave the path unmasked either.
@test "CVE-2025-31133: a missing /dev/null never leaves a masked path unmasked" {
  is_strun || skip "runc 1.1.5 is vulnerable to CVE-2025-31133"
  use_bundle_dev
  run_with_masked_secret
  if [[ "$status" -eq 0 ]]; then
    [ "$output" = end ] || fail "the masked path reads: $output"
  else
    [[ "$output" != *secret* ]] || fail "the container ran unmasked: $output"
    grep -q "/dev/null" <<<"$stderr" || fail "the error does not name /dev/null: $stderr"
  fi
  assert_regular_file "$HOSTDIR/secret" secret
  assert_no_leaks "$CID"
}

# CVE-2025-31133 class, the ordinary case: masking still works with a real /dev/null in a
# bind-mounted /dev, and a masked directory is an empty read-only tmpfs.
@test "masked paths read empty with a bind-mounted /dev" {
  use_bundle_dev
  mknod "$BUNDLE/fakedev/null" c 1 3
  echo secret >"$HOSTDIR/secret"
  mkdir -p "$HOSTDIR/secretdir"
  echo secret >"$HOSTDIR/secretdir/file"
  cfg '.mounts += [{"destination": "/secret", "type": "bind", "source": $f, "options": ["bind"]},
                   {"destination": "/secretdir", "type": "bind", "source": $d, "options": ["rbind"]}]
       | .linux.maskedPaths += ["/secret", "/secretdir"]' --arg f "$HOSTDIR/secret" --arg d "$HOSTDIR/secretdir"
  sh_in_ctr 'cat /secret; ls -A /secretdir; touch /secretdir/x 2>/dev/null && echo wrote; echo end'
  [ "$output" = end ] || fail "masked paths: $output"
}

#!/usr/bin/env bats
# Known runtime escapes, each reproduced: the attack must fail. Run against runc
# too (Debian's runc 1.1.5 carries the fixes for these CVEs).

load helpers

@test "CVE-2024-21626: a cwd of /proc/self/fd/N never resolves to a host directory" {
  local n
  for n in 3 4 5 6 7 8 9 10 11 12; do
    CID=$(new_id)
    cfg '.process.cwd = $c' --arg c "/proc/self/fd/$n"
    set_args sh -c 'pwd -P 2>&1; ls ../../../../ 2>&1 | head -50'
    run --separate-stderr rt run -b "$BUNDLE" "$CID" </dev/null
    if [[ "$status" -eq 0 ]]; then
      # If the runtime let it run, the cwd must be inside the container's root.
      [[ "${lines[0]}" == /* ]] || fail "fd $n: cwd outside the root: ${lines[0]}"
      [[ "$output" != *"$TEST_DIR"* && "$output" != *strata-it* ]] || fail "fd $n: host paths visible: $output"
      # The host's /work, /root or a bundle dir would show the escape.
      [[ "$output" != *config.json* ]] || fail "fd $n: the bundle dir is visible: $output"
    fi
    assert_no_leaks "$CID"
  done
}

@test "CVE-2024-21626: a host directory passed with --preserve-fds cannot become the cwd" {
  mkdir -p "$HOSTDIR/secret"
  echo host-secret >"$HOSTDIR/secret/file"
  cfg '.process.cwd = "/proc/self/fd/3"'
  set_args sh -c 'cat file 2>&1; pwd'
  run --separate-stderr rt run --preserve-fds 1 -b "$BUNDLE" "$CID" 3<"$HOSTDIR/secret" </dev/null
  [[ "$output" != *host-secret* ]] || fail "the container read the host's file through its cwd: $output"
  [[ "$status" -ne 0 ]] || fail "run succeeded with a cwd outside the root: $output"
  assert_no_leaks "$CID"
}

@test "CVE-2024-21626: the process starts with only stdio open" {
  # No pipeline: the shell (pid 1) would hold the pipe's fds while it forks.
  sh_in_ctr 'ls /proc/1/fd; readlink /proc/1/cwd'
  [ "$(echo "${lines[@]:0:3}")" = "0 1 2" ] || fail "fds of pid 1: ${lines[*]}"
  [ "${lines[3]}" = / ] || fail "cwd of pid 1: ${lines[*]}"
}

@test "a mount destination that is a symlink out of the rootfs stays inside it" {
  mkdir -p "$HOSTDIR/victim" "$HOSTDIR/outside"
  echo marker >"$HOSTDIR/victim/marker"
  # Absolute and relative links that point out of the rootfs on the host.
  ln -s "$HOSTDIR/outside" "$BUNDLE/rootfs/abs-link"
  ln -s ../../../../../../../../.. "$BUNDLE/rootfs/rel-link"
  cfg '.mounts += [
      {"destination": "/abs-link", "type": "tmpfs", "source": "tmpfs", "options": ["size=1m"]},
      {"destination": "/rel-link/strata-escape", "type": "tmpfs", "source": "tmpfs", "options": ["size=1m"]},
      {"destination": "/victim", "type": "bind", "source": $v, "options": ["rbind", "ro"]}]' --arg v "$HOSTDIR/victim"
  sh_in_ctr 'cat /victim/marker; touch /abs-link/inside && echo wrote'
  assert_output_has "^marker$"
  assert_output_has "^wrote$"
  # Nothing landed on the host side.
  [ -z "$(ls -A "$HOSTDIR/outside")" ] || fail "host dir written: $(ls -A "$HOSTDIR/outside")"
  [ ! -e /strata-escape ] || { rmdir /strata-escape; fail "a directory was made at the host's /"; }
  ! grep -qF " $HOSTDIR/outside " /proc/self/mountinfo
  assert_no_leaks "$CID"
}

@test "CVE-2021-30465: swapping a mount destination for a symlink while mounting never escapes" {
  mkdir -p "$HOSTDIR/victim" "$HOSTDIR/src"
  echo marker >"$HOSTDIR/victim/marker"
  mkdir "$BUNDLE/rootfs/race"
  # A tmpfs on /race, then /victim bound from the host: if the tmpfs ever landed on the
  # host's victim dir (through the symlink), /victim would show an empty tmpfs.
  cfg '.mounts += [
      {"destination": "/race", "type": "tmpfs", "source": "tmpfs", "options": ["size=1m"]},
      {"destination": "/victim", "type": "bind", "source": $v, "options": ["rbind", "ro"]}]' --arg v "$HOSTDIR/victim"
  set_args sh -c 'cat /victim/marker 2>/dev/null || echo LOST'
  (
    cd "$BUNDLE/rootfs"
    ln -s "$HOSTDIR/victim" race-link
    mkdir race-dir
    end=$((SECONDS + 30))
    while ((SECONDS < end)); do
      mv -T race-link race 2>/dev/null && mv -T race race-link 2>/dev/null
      mv -T race-dir race 2>/dev/null && mv -T race race-dir 2>/dev/null
    done
  ) &
  local swapper=$!
  CLEANUP_PIDS+=("$swapper")
  local i ran=0
  for i in $(seq 1 40); do
    CID=$(new_id)
    run --separate-stderr rt run -b "$BUNDLE" "$CID" </dev/null
    if [[ "$status" -eq 0 ]]; then
      ran=$((ran + 1))
      [ "$output" = marker ] || fail "run $i: /victim was covered: $output"
    fi
    rt delete -f "$CID" >/dev/null 2>&1 || true
  done
  kill "$swapper" 2>/dev/null || true
  echo "# $ran of 40 runs started while racing" >&3
  ! grep -qF " $HOSTDIR/victim " /proc/self/mountinfo
}

@test "/proc/sys, /proc/sysrq-trigger and /sys are not writable; masked paths are masked" {
  sh_in_ctr '
    echo 1 2>/dev/null >/proc/sysrq-trigger && echo sysrq=written || echo sysrq=denied
    echo 1 2>/dev/null >/proc/sys/vm/drop_caches && echo sys=written || echo sys=denied
    echo strata 2>/dev/null >/proc/sys/kernel/hostname && echo hostname=written || echo hostname=denied
    touch /sys/kernel/strata 2>/dev/null && echo sysfs=written || echo sysfs=denied
    echo 1 2>/dev/null >/sys/kernel/mm/ksm/run && echo ksm=written || echo ksm=denied
    [ -e /proc/kcore ] && echo "kcore=$(wc -c </proc/kcore)" || echo kcore=0
    echo "keys=$(wc -c </proc/keys 2>/dev/null || echo x)"
    echo "firmware=$(ls -A /sys/firmware | wc -l)"'
  for what in sysrq sys hostname sysfs ksm; do
    assert_output_has "^$what=denied$"
  done
  assert_output_has "^kcore=0$"
  assert_output_has "^keys=0$"
  assert_output_has "^firmware=0$"
}

@test "noNewPrivileges: a non-root user cannot regain privileges through a setuid binary" {
  # A setuid-root copy of busybox: without no_new_privs `su`-like elevation would work
  # through it; with it the kernel ignores the setuid bit.
  cp "$BUNDLE/rootfs/bin/busybox" "$BUNDLE/rootfs/bin/busybox-suid"
  chmod 4755 "$BUNDLE/rootfs/bin/busybox-suid"
  cfg '.process.user = {"uid": 1000, "gid": 1000} | .process.noNewPrivileges = true'
  sh_in_ctr '/bin/busybox-suid id -u; /bin/busybox-suid grep -E "^(Uid|CapEff|NoNewPrivs)" /proc/self/status'
  assert_output_has "^1000$"
  assert_output_has "^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$"
  assert_output_has "^CapEff:[[:space:]]+0+$"
  assert_output_has "^NoNewPrivs:[[:space:]]+1$"
  # The control: without no_new_privs the same binary does start as root: busybox then
  # drops the effective uid itself, but the saved uid shows the kernel granted 0.
  cfg '.process.noNewPrivileges = false'
  CID=$(new_id)
  sh_in_ctr '/bin/busybox-suid grep ^Uid: /proc/self/status'
  assert_output_has "^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+0[[:space:]]+1000$"
}

#!/usr/bin/env bats
# The container's filesystem: mounts and their options, the read-only root,
# masked and read-only paths, devices.

load helpers

# mountinfo_line MOUNTPOINT: the line of $output (a mountinfo) for it.
mountinfo_line() {
  awk -v mp="$1" '$5 == mp' <<<"$output" | tail -n1
}

@test "mounts: tmpfs with size= and nosuid,nodev,noexec" {
  cfg '.mounts += [{destination: "/scratch", type: "tmpfs", source: "tmpfs",
                    options: ["nosuid", "nodev", "noexec", "size=1m", "mode=1770"]}]'
  sh_in_ctr 'cat /proc/self/mountinfo; stat -c "mode=%a" /scratch'
  local line
  line=$(mountinfo_line /scratch)
  [ -n "$line" ] || fail "no /scratch in mountinfo: $output"
  # per-mount options (field 6) and the super-block options after " - ".
  awk '{print $6}' <<<"$line" | tr ',' '\n' | grep -qx nosuid
  awk '{print $6}' <<<"$line" | tr ',' '\n' | grep -qx nodev
  awk '{print $6}' <<<"$line" | tr ',' '\n' | grep -qx noexec
  grep -Eq ' - tmpfs [^ ]+ .*size=1024k' <<<"$line"
  assert_output_has '^mode=1770$'
}

@test "mounts: bind mounts of a host dir, read-only and read-write" {
  mkdir -p "$HOSTDIR/data"
  echo from-host >"$HOSTDIR/data/file"
  cfg '.mounts += [
      {destination: "/data-ro", type: "bind", source: $src, options: ["bind", "ro"]},
      {destination: "/data-rw", type: "bind", source: $src, options: ["bind", "rw"]}]' \
    --arg src "$HOSTDIR/data"
  sh_in_ctr 'cat /proc/self/mountinfo
    cat /data-ro/file
    if touch /data-ro/new 2>/dev/null; then echo ro-writable; else echo ro-refused; fi
    echo from-ctr >/data-rw/new && echo rw-written'
  awk '{print $6}' <<<"$(mountinfo_line /data-ro)" | tr ',' '\n' | grep -qx ro
  awk '{print $6}' <<<"$(mountinfo_line /data-rw)" | tr ',' '\n' | grep -qx rw
  assert_output_has '^from-host$'
  assert_output_has '^ro-refused$'
  assert_output_has '^rw-written$'
  [ "$(cat "$HOSTDIR/data/new")" = from-ctr ]
}

@test "mounts: rbind brings the submounts, bind does not" {
  mkdir -p "$HOSTDIR/tree/sub"
  mount -t tmpfs -o size=1m strata-it-sub "$HOSTDIR/tree/sub"
  CLEANUP_MOUNTS+=("$HOSTDIR/tree/sub")
  echo in-submount >"$HOSTDIR/tree/sub/file"
  cfg '.mounts += [
      {destination: "/rtree", type: "bind", source: $src, options: ["rbind"]},
      {destination: "/tree", type: "bind", source: $src, options: ["bind"]}]' \
    --arg src "$HOSTDIR/tree"
  sh_in_ctr 'cat /proc/self/mountinfo; cat /rtree/sub/file; ls -A /tree/sub | wc -l'
  [ -n "$(mountinfo_line /rtree)" ]
  [ -n "$(mountinfo_line /rtree/sub)" ]
  [ -z "$(mountinfo_line /tree/sub)" ]
  assert_output_has '^in-submount$'
  [ "${lines[-1]}" = 0 ]
}

@test "root.readonly makes the rootfs read-only" {
  cfg '.root.readonly = true'
  sh_in_ctr 'if touch /x 2>/dev/null; then echo writable; else echo refused; fi
    awk "\$5 == \"/\" {print \$6}" /proc/self/mountinfo'
  [ "${lines[0]}" = refused ]
  tr ',' '\n' <<<"${lines[1]}" | grep -qx ro
  [ ! -e "$BUNDLE/rootfs/x" ]

  CID=$(new_id)
  cfg '.root.readonly = false'
  sh_in_ctr 'touch /x && echo writable'
  [ "$output" = writable ]
}

@test "maskedPaths: a masked file reads empty, a masked dir is empty" {
  mkdir -p "$BUNDLE/rootfs/secret"
  echo hidden >"$BUNDLE/rootfs/secret/file"
  echo hidden >"$BUNDLE/rootfs/secret-file"
  cfg '.linux.maskedPaths = ["/proc/keys", "/proc/kcore", "/secret", "/secret-file"]'
  sh_in_ctr 'echo "keys=$(wc -c </proc/keys)"; echo "file=$(wc -c </secret-file)"
    echo "dir=$(ls -A /secret | wc -l)"
    if [ -e /proc/kcore ]; then echo "kcore=$(head -c 64 /proc/kcore | wc -c)"; else echo kcore=0; fi'
  assert_output_has '^keys=0$'
  assert_output_has '^file=0$'
  assert_output_has '^dir=0$'
  assert_output_has '^kcore=0$'
  # The rootfs itself is untouched.
  [ "$(cat "$BUNDLE/rootfs/secret/file")" = hidden ]
}

@test "readonlyPaths: /proc/sys is read-only" {
  cfg '.linux.readonlyPaths = ["/proc/sys", "/proc/sysrq-trigger"]'
  sh_in_ctr 'awk "\$5 == \"/proc/sys\" {print \$6}" /proc/self/mountinfo
    if (echo 1 >/proc/sys/kernel/domainname) 2>/dev/null; then echo writable; else echo refused; fi'
  tr ',' '\n' <<<"${lines[0]}" | grep -qx ro
  [ "${lines[1]}" = refused ] || fail "$output"
}

@test "devices: the default set with the right major:minor" {
  sh_in_ctr 'for d in null zero full random urandom tty; do
      stat -c "%n %F %t:%T" /dev/$d; done
    readlink /dev/ptmx; readlink /dev/fd; readlink /dev/stdin
    readlink /dev/stdout; readlink /dev/stderr
    head -c 4 /dev/zero | wc -c; echo x >/dev/null && echo null-ok'
  [ "${lines[0]}" = "/dev/null character special file 1:3" ]
  [ "${lines[1]}" = "/dev/zero character special file 1:5" ]
  [ "${lines[2]}" = "/dev/full character special file 1:7" ]
  [ "${lines[3]}" = "/dev/random character special file 1:8" ]
  [ "${lines[4]}" = "/dev/urandom character special file 1:9" ]
  [ "${lines[5]}" = "/dev/tty character special file 5:0" ]
  [ "${lines[6]}" = pts/ptmx ]
  [ "${lines[7]}" = /proc/self/fd ]
  [ "${lines[8]}" = /proc/self/fd/0 ]
  [ "${lines[9]}" = /proc/self/fd/1 ]
  [ "${lines[10]}" = /proc/self/fd/2 ]
  [ "${lines[11]}" = 4 ]
  [ "${lines[12]}" = null-ok ]
}

@test "linux.devices: a char device with mode, uid and gid" {
  cfg '.linux.devices = [{path: "/dev/mynull", type: "c", major: 1, minor: 3,
                          fileMode: 416, uid: 1000, gid: 20}]
    | .linux.resources.devices += [{allow: true, type: "c", major: 1, minor: 3, access: "rwm"}]
    | .process.user = {uid: 1000, gid: 1000}'
  # Without CAP_DAC_OVERRIDE only the owner (uid 1000) may write to it.
  sh_in_ctr 'stat -c "%F %t:%T %a %u:%g" /dev/mynull; echo x >/dev/mynull && echo write-ok'
  [ "${lines[0]}" = "character special file 1:3 640 1000:20" ]
  [ "${lines[1]}" = write-ok ]
}

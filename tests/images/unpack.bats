#!/usr/bin/env bats
# What strata unpacks from a multi-layer image (gzip, zstd and plain layers) with deletions,
# opaque directories, hard links, symlinks, devices, FIFOs, owners, modes, mtimes, xattrs
# and file capabilities: the per-layer directories, the merged `strata image mount` tree,
# and the same image pulled and mounted by Podman.

load helpers

setup_file() {
  start_registry PLAIN
  push_image features "$PLAIN_PORT" test/features:1
}

teardown_file() {
  stop_registry PLAIN
}

layers() {
  "$STRATA" image inspect "$1" | python3 -c 'import json,sys; print("\n".join(json.load(sys.stdin)[0]["LayerDirectories"]))'
}

@test "per-layer directories are overlayfs lowers: whiteout devices, opaque xattr, metadata kept" {
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/features:1"
  mapfile -t L < <(layers "127.0.0.1:$PLAIN_PORT/test/features:1")
  [ "${#L[@]}" -eq 3 ]
  # layer 1 (gzip)
  [ "$(stat -c '%u:%g %a' "${L[0]}/own/file")" = "1234:5678 640" ]
  [ "$(stat -c '%u:%g %a' "${L[0]}/own")" = "1234:5678 711" ]
  [ "$(stat -c '%a' "${L[0]}/own/setuid")" = 4755 ]
  [ "$(stat -c '%i' "${L[0]}/hl/orig")" = "$(stat -c '%i' "${L[0]}/hl/link")" ]
  [ "$(stat -c '%h %u:%g %a' "${L[0]}/hl/orig")" = "2 7:8 640" ]
  [ "$(readlink "${L[0]}/sym")" = a/keep ]
  [ "$(readlink "${L[0]}/abs")" = /etc/passwd ]
  [ "$(stat -c '%F %t:%T %a' "${L[0]}/dev/null")" = "character special file 1:3 666" ]
  [ "$(stat -c '%F %t:%T %a %g' "${L[0]}/dev/loop7")" = "block special file 7:7 660 6" ]
  [ "$(stat -c '%F' "${L[0]}/dev/fifo")" = fifo ]
  [ "$(getfattr --only-values -n user.test "${L[0]}/x/attr")" = hello ]
  [ "$(getcap "${L[0]}/x/cap")" = "${L[0]}/x/cap cap_net_raw=ep" ]
  [ "$(stat -c %Y "${L[0]}/a/b")" = 1600000000 ]
  [ "$(stat -c %Y "${L[0]}/own/file")" = 1600000000 ]
  # layer 2 (zstd): whiteouts are 0:0 character devices, the opaque dir has its xattr
  [ "$(stat -c '%F %t:%T' "${L[1]}/a/gone")" = "character special file 0:0" ]
  [ "$(stat -c '%F %t:%T' "${L[1]}/gonedir")" = "character special file 0:0" ]
  [ "$(getfattr --only-values -n trusted.overlay.opaque "${L[1]}/opq")" = y ]
  [ ! -e "${L[1]}/opq/.wh..wh..opq" ]
  # layer 3 (plain tar)
  [ "$(stat -c '%a' "${L[2]}/z")" = 444 ]
}

@test "strata image mount: the merged tree applies deletions and opaque directories" {
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/features:1"
  run "$STRATA" image mount "127.0.0.1:$PLAIN_PORT/test/features:1"
  [ "$status" -eq 0 ]
  m=$output
  mountpoint -q "$m"
  [ "$(cat "$m/a/keep")" = "new keep" ]
  [ ! -e "$m/a/gone" ]
  [ ! -e "$m/gonedir" ]
  [ "$(ls "$m/opq")" = new ]
  [ "$(cat "$m/a/b/x")" = x ]
  [ "$(cat "$m/a/b/y")" = y ]
  [ "$(cat "$m/z")" = "top layer, uncompressed" ]
  [ "$(getcap "$m/x/cap")" = "$m/x/cap cap_net_raw=ep" ]
  # the same path again, then rmi refuses while mounted
  [ "$("$STRATA" image mount "127.0.0.1:$PLAIN_PORT/test/features:1")" = "$m" ]
  run "$STRATA" rmi "127.0.0.1:$PLAIN_PORT/test/features:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"mounted"* ]]
  "$STRATA" image unmount "127.0.0.1:$PLAIN_PORT/test/features:1"
  ! mountpoint -q "$m"
  "$STRATA" rmi "127.0.0.1:$PLAIN_PORT/test/features:1"
}

@test "the merged tree equals Podman's for the same image from the same registry" {
  command -v podman >/dev/null || skip "podman not installed"
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/features:1"
  ours=$("$STRATA" image mount "127.0.0.1:$PLAIN_PORT/test/features:1")
  proot=$BATS_TEST_TMPDIR/podman
  P=(env -u REGISTRY_AUTH_FILE podman --root "$proot/root" --runroot "$proot/run" --storage-driver overlay --cgroup-manager cgroupfs --events-backend none)
  "${P[@]}" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/features:1" >/dev/null
  theirs=$("${P[@]}" image mount "127.0.0.1:$PLAIN_PORT/test/features:1")
  run python3 "$BATS_TEST_DIRNAME/treediff.py" "$ours" "$theirs"
  "${P[@]}" image unmount -a >/dev/null || true
  "${P[@]}" rmi -a -f >/dev/null 2>&1 || true
  "${P[@]}" system reset -f >/dev/null 2>&1 || true
  umount -R "$proot/root/overlay" 2>/dev/null || true
  echo "$output"
  [ "$status" -eq 0 ]
  [[ "$output" == *"equal:"* ]]
}

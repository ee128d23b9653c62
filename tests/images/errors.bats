#!/usr/bin/env bats
# Bad input: each a clear error naming the thing, a non-zero exit, and nothing half-stored
# (no image named, no layer directory, no tmp/ leftover, nothing written outside the store).

load helpers

setup_file() {
  start_registry PLAIN
  push_image busybox "$PLAIN_PORT" test/busybox:1.36
  SALT=corrupt push_image busybox "$PLAIN_PORT" test/corrupt:1
  SALT=truncated push_image busybox "$PLAIN_PORT" test/truncated:1
  SALT=badmanifest push_image busybox "$PLAIN_PORT" test/badmanifest:1
  push_image dotdot "$PLAIN_PORT" evil/dotdot:1
  export ESCAPE_TARGET=$BATS_FILE_TMPDIR/outside
  mkdir -p "$ESCAPE_TARGET"
  push_image symlink-escape "$PLAIN_PORT" evil/symlink:1
  push_image whiteout-dotdot "$PLAIN_PORT" evil/whiteout:1
  push_image bomb "$PLAIN_PORT" evil/bomb:1
}

teardown_file() {
  stop_registry PLAIN
}

manifest_of() {
  curl -s -H 'Accept: application/vnd.oci.image.manifest.v1+json' "http://127.0.0.1:$PLAIN_PORT/v2/$1/manifests/$2"
}

@test "unreachable registry: connection refused, naming the host" {
  port=$(free_port)
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$port/test/busybox:1.36"
  [ "$status" -ne 0 ]
  [[ "$output" == *"127.0.0.1:$port"*"connection refused"* ]]
  assert_store_clean ""
}

@test "unknown tag and unknown repository: 404 with the registry's code" {
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/busybox:nope"
  [ "$status" -ne 0 ]
  [[ "$output" == *"test/busybox"*"404 Not Found (MANIFEST_UNKNOWN"* ]]
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/no/such:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"no/such"*"404 Not Found ("*"UNKNOWN"* ]]
  assert_store_clean ""
}

@test "malformed references are refused before any request" {
  for ref in "Busy Box" "busybox:" "busybox@sha256:abc" "a//b" "busybox:-bad"; do
    run "$STRATA" pull -q "$ref"
    [ "$status" -ne 0 ]
    [[ "$output" == *"parse"*"$ref"* ]]
  done
}

@test "a layer blob whose content does not match its digest is refused" {
  layer=$(manifest_of test/corrupt 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["layers"][0]["digest"])')
  f=$(registry_blob "$PLAIN_DIR" "$layer")
  # same size, one byte changed
  printf 'X' | dd of="$f" bs=1 seek=100 conv=notrunc status=none
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/corrupt:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"verify blob"*"$layer"*"content has digest sha256:"* ]]
  assert_store_clean ""
  [ ! -e "$STRATA_ROOT/blobs/sha256/${layer#sha256:}" ]
}

@test "a truncated blob is refused, naming the sizes" {
  layer=$(manifest_of test/truncated 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["layers"][0]["digest"])')
  f=$(registry_blob "$PLAIN_DIR" "$layer")
  truncate -s 1000 "$f"
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/truncated:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"$layer"* ]]
  [[ "$output" == *"1000"* || "$output" == *"cut short"* || "$output" == *"closed"* ]]
  assert_store_clean ""
}

@test "a manifest whose content does not match its digest is refused" {
  digest=$(curl -s -I -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    "http://127.0.0.1:$PLAIN_PORT/v2/test/badmanifest/manifests/1" | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}')
  [[ "$digest" == sha256:* ]]
  f=$(registry_blob "$PLAIN_DIR" "$digest")
  printf ' ' >>"$f"   # still valid JSON, another digest
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/badmanifest:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"verify manifest"*"badmanifest"*"content has digest"* ]]
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/badmanifest@$digest"
  [ "$status" -ne 0 ]
  [[ "$output" == *"verify manifest"*"not the $digest asked for"* ]]
  assert_store_clean ""
}

@test "a layer entry with ../ is refused and nothing lands outside the layer" {
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/evil/dotdot:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"evil/dotdot"*"../escaped"*'path with ".." refused'* ]]
  [ ! -e "$STRATA_ROOT/tmp/escaped" ] && [ ! -e "$STRATA_ROOT/escaped" ]
  [ "$(ls "$STRATA_ROOT/layers" | wc -l)" -eq 0 ]
  assert_store_clean ""
}

@test "an absolute symlink followed by a write through it is refused; the target stays empty" {
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/evil/symlink:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"evil/pwned"*"symlink: refusing to write through it"* ]]
  [ -z "$(ls -A "$ESCAPE_TARGET")" ]
  [ "$(ls "$STRATA_ROOT/layers" | wc -l)" -eq 0 ]
  assert_store_clean ""
}

@test "a whiteout of .. is refused" {
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/evil/whiteout:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"a/.wh..."*'whiteout of ".." refused'* ]]
  assert_store_clean ""
}

@test "a decompression bomb stops at the cap (STRATA_MAX_LAYER_BYTES), saying so" {
  STRATA_MAX_LAYER_BYTES=$((8 << 20)) run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/evil/bomb:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"evil/bomb"*"exceeds the 8388608-byte cap"* ]]
  [ "$(ls "$STRATA_ROOT/layers" | wc -l)" -eq 0 ]
  assert_store_clean ""
  # Without the low cap the same image is fine (64 MiB of zeros).
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/evil/bomb:1"
  [ "$status" -eq 0 ]
}

#!/usr/bin/env bats
# strata pull / images / inspect / tag / rmi / prune / mount against a local docker-registry
# with images made here. Each test has its own store root.

load helpers

setup_file() {
  start_registry PLAIN
  push_image busybox "$PLAIN_PORT" test/busybox:1.36
  push_image busybox "$PLAIN_PORT" test/busybox-v2s2:latest --format v2s2
  push_image features "$PLAIN_PORT" test/features:1
  push_image multiarch "$PLAIN_PORT" test/multi:latest
}

teardown_file() {
  stop_registry PLAIN
}

@test "pull busybox: id on stdout, listed, layer tree unpacked with the binary and its links" {
  run --separate-stderr "$STRATA" pull --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/busybox:1.36"
  [ "$status" -eq 0 ]
  [[ "$output" =~ ^[0-9a-f]{64}$ ]]
  [[ "$stderr" == *"Copying blob"* ]]
  id=$output
  run "$STRATA" images --format json
  [ "$status" -eq 0 ]
  echo "$output" | python3 -c "
import json,sys
imgs=json.load(sys.stdin)
assert len(imgs)==1, imgs
assert imgs[0]['Id']=='$id', imgs
assert imgs[0]['Names']==['127.0.0.1:$PLAIN_PORT/test/busybox:1.36'], imgs
"
  layer=$("$STRATA" image inspect "$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["LayerDirectories"][0])')
  cmp "$layer/bin/busybox" /bin/busybox
  [ "$(readlink "$layer/bin/sh")" = busybox ]
  [ "$(stat -c %a "$layer/tmp")" = 1777 ]
  [ "$(stat -c %a "$layer/root")" = 700 ]
  [ "$(stat -c %Y "$layer/bin/busybox")" = 1600000000 ]
  assert_store_clean "127.0.0.1:$PLAIN_PORT/test/busybox:1.36"
}

@test "images table, --quiet, inspect config fields; lookup by short name, id prefix and full name" {
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/busybox:1.36"
  run "$STRATA" images
  [ "$status" -eq 0 ]
  [[ "${lines[0]}" == "REPOSITORY"*"TAG"*"IMAGE ID"*"CREATED"*"SIZE" ]]
  [[ "${lines[1]}" == "127.0.0.1:$PLAIN_PORT/test/busybox  "*"1.36"* ]]
  id=$("$STRATA" images -q)
  [[ "$id" =~ ^[0-9a-f]{12}$ ]]
  for ref in "$id" "${id:0:5}" "test/busybox:1.36" "127.0.0.1:$PLAIN_PORT/test/busybox:1.36"; do
    run "$STRATA" image inspect "$ref"
    [ "$status" -eq 0 ]
    echo "$output" | python3 -c "
import json,sys
i=json.load(sys.stdin)[0]
assert i['Config']['config']['Cmd']==['/bin/sh'], i
assert i['Config']['config']['Labels']=={'org.strata.test':'yes'}, i
assert i['Os']=='linux' and i['Architecture']=='amd64', i
"
  done
  run "$STRATA" image inspect nosuch:latest
  [ "$status" -ne 0 ]
  [[ "$output" == *"nosuch:latest"*"image not known"* ]]
}

@test "a Docker schema-2 manifest pulls like an OCI one" {
  run --separate-stderr "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/busybox-v2s2"
  [ "$status" -eq 0 ]
  run "$STRATA" image inspect "127.0.0.1:$PLAIN_PORT/test/busybox-v2s2:latest"
  [ "$status" -eq 0 ]
  [[ "$output" == *'"mediaType" : "application/vnd.docker.distribution.manifest.v2+json"'* ]]
}

@test "an index: linux/amd64 by default, --platform linux/arm64/v8 picks the other, an absent platform is refused" {
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/multi"
  dir=$("$STRATA" image inspect "127.0.0.1:$PLAIN_PORT/test/multi" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["LayerDirectories"][-1])')
  [ "$(cat "$dir/arch")" = amd64 ]
  root2=$BATS_TEST_TMPDIR/arm
  "$STRATA" --help >/dev/null
  STRATA_ROOT=$root2 "$STRATA" pull -q --tls-verify=false --platform linux/arm64/v8 "127.0.0.1:$PLAIN_PORT/test/multi"
  dir=$(STRATA_ROOT=$root2 "$STRATA" image inspect "127.0.0.1:$PLAIN_PORT/test/multi" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["LayerDirectories"][-1])')
  [ "$(cat "$dir/arch")" = arm64 ]
  run "$STRATA" pull -q --tls-verify=false --platform linux/s390x "127.0.0.1:$PLAIN_PORT/test/multi"
  [ "$status" -ne 0 ]
  [[ "$output" == *"no image for linux/s390x"*"linux/arm64/v8, linux/amd64"* ]]
}

@test "pull by digest; a second pull downloads nothing and the shared busybox layer is unpacked once" {
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/busybox:1.36"
  digest=$("$STRATA" images --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Digest"])')
  run --separate-stderr "$STRATA" pull --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/busybox:1.36"
  [ "$status" -eq 0 ]
  [[ "$stderr" == *"skipped: already exists"* ]]
  [[ "$stderr" != *"done ("* ]]
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/busybox@$digest"
  [ "$status" -eq 0 ]
  [ "$(ls "$STRATA_ROOT/layers" | wc -l)" -eq 1 ]
  # multi's amd64 image has the same busybox layer at the bottom: one more layer dir, not two.
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/multi"
  [ "$(ls "$STRATA_ROOT/layers" | wc -l)" -eq 2 ]
}

@test "tag, rmi by name keeps the image until its last name, rmi collects blobs and layers" {
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/busybox:1.36"
  "$STRATA" tag "127.0.0.1:$PLAIN_PORT/test/busybox:1.36" mybox:v1
  run "$STRATA" images --format json
  [[ "$output" == *'"localhost/mybox:v1"'* ]]
  run "$STRATA" rmi mybox:v1
  [ "$status" -eq 0 ]
  [[ "$output" == "Untagged: localhost/mybox:v1" ]]
  [ "$(ls "$STRATA_ROOT/layers" | wc -l)" -eq 1 ]
  run "$STRATA" rmi "127.0.0.1:$PLAIN_PORT/test/busybox:1.36"
  [ "$status" -eq 0 ]
  [[ "$output" == *"Deleted: "* ]]
  [ "$(ls "$STRATA_ROOT/layers" | wc -l)" -eq 0 ]
  [ "$(ls "$STRATA_ROOT/blobs/sha256" | wc -l)" -eq 0 ]
  run "$STRATA" rmi "127.0.0.1:$PLAIN_PORT/test/busybox:1.36"
  [ "$status" -ne 0 ]
  [[ "$output" == *"image not known"* ]]
}

@test "prune removes images left without a name and leftovers; --all removes the rest" {
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/busybox:1.36"
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/multi"
  # Move multi's name onto busybox: multi's image is left dangling.
  "$STRATA" tag "127.0.0.1:$PLAIN_PORT/test/busybox:1.36" "127.0.0.1:$PLAIN_PORT/test/multi:latest"
  mkdir "$STRATA_ROOT/tmp/layer-99999-leftover"
  run "$STRATA" image prune --format json
  [ "$status" -eq 0 ]
  echo "$output" | python3 -c "
import json,sys
r=json.load(sys.stdin)
assert len(r['Images'])==1 and r['Layers']==1 and r['Temporaries']==1, r
"
  [ "$(ls "$STRATA_ROOT/layers" | wc -l)" -eq 1 ]
  run "$STRATA" image prune --all
  [ "$status" -eq 0 ]
  [ "$(ls "$STRATA_ROOT/layers" | wc -l)" -eq 0 ]
  assert_store_clean ""
}

@test "short names: the single search registry is used; several are refused as ambiguous" {
  echo "unqualified-search-registries = [\"127.0.0.1:$PLAIN_PORT\"]" >"$STRATA_REGISTRIES_CONF"
  printf '[[registry]]\nlocation = "127.0.0.1:%s"\ninsecure = true\n' "$PLAIN_PORT" >>"$STRATA_REGISTRIES_CONF"
  run "$STRATA" pull -q test/busybox:1.36
  [ "$status" -eq 0 ]
  run "$STRATA" images --format json
  [[ "$output" == *"\"127.0.0.1:$PLAIN_PORT/test/busybox:1.36\""* ]]
  echo "unqualified-search-registries = [\"127.0.0.1:$PLAIN_PORT\", \"quay.io\"]" >"$STRATA_REGISTRIES_CONF"
  run "$STRATA" pull -q test/busybox:1.36
  [ "$status" -ne 0 ]
  [[ "$output" == *"test/busybox:1.36"*"ambiguous"*"127.0.0.1:$PLAIN_PORT, quay.io"* ]]
}

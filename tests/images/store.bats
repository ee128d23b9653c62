#!/usr/bin/env bats
# The store under concurrent strata processes and after kill -9: nothing torn, nothing
# half-stored named, leftovers collected.

load helpers

setup_file() {
  start_registry PLAIN
  push_image busybox "$PLAIN_PORT" test/busybox:1.36
  push_image features "$PLAIN_PORT" test/features:1
  BIG_MB=40 push_image big "$PLAIN_PORT" test/big:1
}

teardown_file() {
  stop_registry PLAIN
}

# Every named image is complete: its blobs and layer directories exist.
assert_images_complete() {
  "$STRATA" images --format json | python3 -c "
import json,os,sys
root=os.environ['STRATA_ROOT']
for i in json.load(sys.stdin):
    assert os.path.exists(f'{root}/blobs/sha256/{i[\"Id\"]}'), i
    assert os.path.exists(f'{root}/blobs/sha256/{i[\"Digest\"][7:]}'), i
"
  local id
  for id in $("$STRATA" images -q --no-trunc); do
    "$STRATA" image inspect "$id" | python3 -c "
import json,os,sys
i=json.load(sys.stdin)[0]
for d in i['LayerDirectories']: assert os.path.isdir(d), d
for l in i['Manifest']['layers']: assert os.path.exists(os.environ['STRATA_ROOT']+'/blobs/sha256/'+l['digest'][7:]), l
"
  done
}

@test "four concurrent pulls of overlapping images and an rmi racing them leave a consistent store" {
  local pids=()
  for ref in test/busybox:1.36 test/features:1 test/busybox:1.36 test/features:1; do
    "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/$ref" >/dev/null &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  "$STRATA" rmi "127.0.0.1:$PLAIN_PORT/test/busybox:1.36" &
  rmpid=$!
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/busybox:1.36" >/dev/null
  wait "$rmpid" || true
  assert_images_complete
  # index.json is one valid document with each image once
  python3 -c "
import json
d=json.load(open('$STRATA_ROOT/index.json'))
digests=[m['digest'] for m in d['manifests']]
assert len(digests)==len(set(digests)), digests
"
  [ "$(ls "$STRATA_ROOT/layers" | wc -l)" -le 4 ]
  [ -z "$(ls -A "$STRATA_ROOT/tmp")" ]
}

@test "a pull killed with SIGKILL names nothing; the next pull sweeps its leftovers and completes" {
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/big:1" >/dev/null &
  pid=$!
  # Kill once it is downloading (a temporary appears), before it finishes.
  for i in $(seq 200); do
    [[ -n "$(ls -A "$STRATA_ROOT/tmp" 2>/dev/null)" ]] && break
    sleep 0.05
  done
  kill -9 "$pid"
  wait "$pid" || true
  run "$STRATA" images --format json
  [ "$status" -eq 0 ]
  [[ "$output" != *"test/big"* ]]
  "$STRATA" pull -q --tls-verify=false "127.0.0.1:$PLAIN_PORT/test/big:1" >/dev/null
  assert_images_complete
  assert_store_clean "127.0.0.1:$PLAIN_PORT/test/big:1"
}

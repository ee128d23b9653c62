# Helpers of the image suite (tests/images). Each .bats file starts its own registries
# (Debian's docker-registry, distribution 2.8) on free loopback ports with their own config
# and storage under $BATS_FILE_TMPDIR, pushes images made here (mkimage.py + skopeo), and
# stops them in teardown_file. Every test gets its own store root (STRATA_ROOT).
#
#   STRATA=/path/to/strata   the binary under test (default: the repo's debug, then release build)

bats_require_minimum_version 1.5.0

REPO_ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
export BATS_TEST_TIMEOUT=${BATS_TEST_TIMEOUT:-120}

if [[ -z "${STRATA:-}" ]]; then
  for c in "$REPO_ROOT/.build/debug/strata" "$REPO_ROOT/.build/release/strata"; do
    [[ -x "$c" ]] && STRATA=$c && break
  done
fi
export STRATA

MKIMAGE="python3 $BATS_TEST_DIRNAME/mkimage.py"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_registry NAME [htpasswd|token]: a registry on 127.0.0.1:<free port>; exports
# <NAME>_PORT, <NAME>_DIR. Basic auth: user "tester", password "s3cret".
start_registry() {
  local name=$1 auth=${2:-} port dir
  port=$(free_port)
  dir=$BATS_FILE_TMPDIR/registry-$name
  mkdir -p "$dir/data"
  {
    echo "version: 0.1"
    echo "log: {level: error, accesslog: {disabled: true}}"
    echo "storage:"
    echo "  filesystem: {rootdirectory: $dir/data}"
    echo "  delete: {enabled: true}"
    echo "http: {addr: 127.0.0.1:$port, secret: strata-test-secret}"
    if [[ $auth == htpasswd ]]; then
      htpasswd -Bbn tester s3cret >"$dir/htpasswd"
      echo "auth: {htpasswd: {realm: strata-test, path: $dir/htpasswd}}"
    elif [[ $auth == token ]]; then
      echo "auth:"
      echo "  token:"
      echo "    realm: http://127.0.0.1:$TOKEN_PORT/token"
      echo "    service: strata-test-registry"
      echo "    issuer: strata-test-issuer"
      echo "    rootcertbundle: $TOKEN_DIR/cert.pem"
    fi
  } >"$dir/config.yml"
  docker-registry serve "$dir/config.yml" >"$dir/log" 2>&1 3>&- &
  echo $! >"$dir/pid"
  local i
  for i in $(seq 100); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/v2/"; then break; fi
    sleep 0.1
  done
  curl -s -o /dev/null "http://127.0.0.1:$port/v2/" || { cat "$dir/log" >&2; return 1; }
  printf -v "${name}_PORT" %s "$port"
  printf -v "${name}_DIR" %s "$dir"
  export "${name}_PORT" "${name}_DIR"
}

stop_registry() {
  local dir=$BATS_FILE_TMPDIR/registry-$1
  [[ -f $dir/pid ]] || return 0
  kill "$(cat "$dir/pid")" 2>/dev/null || true
  wait "$(cat "$dir/pid")" 2>/dev/null || true
  rm -f "$dir/pid"
}

# start_token_server: the bearer-token server of tests/images/token_server.py on a free port.
start_token_server() {
  TOKEN_PORT=$(free_port)
  TOKEN_DIR=$BATS_FILE_TMPDIR/token
  mkdir -p "$TOKEN_DIR"
  python3 "$BATS_TEST_DIRNAME/token_server.py" "$TOKEN_DIR" "$TOKEN_PORT" >"$TOKEN_DIR/log" 2>&1 3>&- &
  echo $! >"$TOKEN_DIR/pid"
  local i
  for i in $(seq 100); do
    [[ -f $TOKEN_DIR/ready ]] && break
    sleep 0.1
  done
  [[ -f $TOKEN_DIR/ready ]] || { cat "$TOKEN_DIR/log" >&2; return 1; }
  export TOKEN_PORT TOKEN_DIR
}

stop_token_server() {
  [[ -f ${TOKEN_DIR:-/nonexistent}/pid ]] || return 0
  kill "$(cat "$TOKEN_DIR/pid")" 2>/dev/null || true
  wait "$(cat "$TOKEN_DIR/pid")" 2>/dev/null || true
  rm -f "$TOKEN_DIR/pid"
}

# push_image KIND PORT REPO:TAG [skopeo flags...]: builds the layout and copies it in.
push_image() {
  local kind=$1 port=$2 ref=$3
  shift 3
  local dir=$BATS_FILE_TMPDIR/layouts/$kind-${ref//[:\/]/_}
  rm -rf "$dir"
  mkdir -p "$dir"
  $MKIMAGE "$kind" "$dir" latest
  local all=()
  [[ $kind == multiarch ]] && all=(--all)
  skopeo copy -q "${all[@]}" --dest-tls-verify=false "$@" "oci:$dir:latest" "docker://127.0.0.1:$port/$ref" >/dev/null
}

# The blob file the registry serves for a digest (for corruption tests).
registry_blob() {
  local dir=$1 digest=${2#sha256:}
  echo "$dir/data/docker/registry/v2/blobs/sha256/${digest:0:2}/$digest/data"
}

setup() {
  export STRATA_ROOT=$BATS_TEST_TMPDIR/store
  export STRATA_REGISTRIES_CONF=$BATS_TEST_TMPDIR/registries.conf
  echo 'unqualified-search-registries = ["docker.io"]' >"$STRATA_REGISTRIES_CONF"
  export REGISTRY_AUTH_FILE=$BATS_TEST_TMPDIR/auth.json
}

teardown() {
  # Unmount whatever a test mounted under its store before the tmpdir goes.
  if [[ -d ${STRATA_ROOT:-/nonexistent}/mounts ]]; then
    local m
    for m in "$STRATA_ROOT"/mounts/*/merged; do
      mountpoint -q "$m" 2>/dev/null && umount "$m"
    done
  fi
  return 0
}

# Fails unless the store holds exactly the named images and no leftovers in tmp/.
assert_store_clean() {
  local names
  names=$("$STRATA" images --format json | python3 -c 'import json,sys; print(" ".join(sorted(n for i in json.load(sys.stdin) for n in i["Names"])))')
  [[ "$names" == "$*" ]] || { echo "store names: '$names', expected '$*'" >&2; return 1; }
  local left
  left=$(ls -A "$STRATA_ROOT/tmp" 2>/dev/null | wc -l)
  [[ $left -eq 0 ]] || { ls -la "$STRATA_ROOT/tmp" >&2; return 1; }
}

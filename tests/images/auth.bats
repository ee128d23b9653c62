#!/usr/bin/env bats
# Registry auth: htpasswd basic auth and a bearer-token realm (tests/images/token_server.py),
# with credentials from `strata login`, an auth.json as Podman/Docker write it, or --creds.

load helpers

setup_file() {
  start_registry BASIC htpasswd
  push_image busybox "$BASIC_PORT" private/busybox:1 --dest-creds tester:s3cret
  start_token_server
  start_registry BEARER token
  push_image busybox "$BEARER_PORT" private/busybox:1 --dest-creds tester:s3cret
}

teardown_file() {
  stop_registry BASIC
  stop_registry BEARER
  stop_token_server
}

@test "basic auth: anonymous pull gets a clear 401" {
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$BASIC_PORT/private/busybox:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"127.0.0.1:$BASIC_PORT/private/busybox"*"401 Unauthorized"*"strata login 127.0.0.1:$BASIC_PORT"* ]]
  assert_store_clean ""
}

@test "basic auth: strata login checks and stores the credentials; pull uses them; logout removes them" {
  run "$STRATA" login --tls-verify=false -u tester -p wrong "127.0.0.1:$BASIC_PORT"
  [ "$status" -ne 0 ]
  [[ "$output" == *"401 Unauthorized: credentials refused"* ]]
  [ ! -e "$REGISTRY_AUTH_FILE" ]
  echo s3cret | "$STRATA" login --tls-verify=false -u tester --password-stdin "127.0.0.1:$BASIC_PORT"
  [ "$(stat -c %a "$REGISTRY_AUTH_FILE")" = 600 ]
  python3 -c "
import json,base64
a=json.load(open('$REGISTRY_AUTH_FILE'))['auths']['127.0.0.1:$BASIC_PORT']['auth']
assert base64.b64decode(a)==b'tester:s3cret'
"
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$BASIC_PORT/private/busybox:1"
  [ "$status" -eq 0 ]
  "$STRATA" logout "127.0.0.1:$BASIC_PORT"
  run "$STRATA" logout "127.0.0.1:$BASIC_PORT"
  [ "$status" -ne 0 ]
  [[ "$output" == *"not logged in"* ]]
}

@test "basic auth: an auth.json written by Podman is read; a wrong password is refused" {
  podman login --tls-verify=false --authfile "$REGISTRY_AUTH_FILE" -u tester -p s3cret "127.0.0.1:$BASIC_PORT" >/dev/null
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$BASIC_PORT/private/busybox:1"
  [ "$status" -eq 0 ]
  rm -rf "$STRATA_ROOT"
  run "$STRATA" pull -q --tls-verify=false --creds tester:nope "127.0.0.1:$BASIC_PORT/private/busybox:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"401 Unauthorized: credentials refused"* ]]
}

@test "bearer token: anonymous is refused, login and pull go through the realm" {
  run "$STRATA" pull -q --tls-verify=false "127.0.0.1:$BEARER_PORT/private/busybox:1"
  [ "$status" -ne 0 ]
  [[ "$output" == *"private/busybox"*"401"* ]]
  run "$STRATA" login --tls-verify=false -u tester -p wrong "127.0.0.1:$BEARER_PORT"
  [ "$status" -ne 0 ]
  [[ "$output" == *"get token"*"invalid user name or password"* ]]
  "$STRATA" login --tls-verify=false -u tester -p s3cret "127.0.0.1:$BEARER_PORT"
  run --separate-stderr "$STRATA" pull -q --tls-verify=false "127.0.0.1:$BEARER_PORT/private/busybox:1"
  [ "$status" -eq 0 ]
  # The token was asked for the repository's pull scope and the registry's service.
  grep -qE 'GET /token\?service=strata-test-registry&scope=repository(:|%3A)private(/|%2F)busybox(:|%3A)pull' "$TOKEN_DIR/log"
}

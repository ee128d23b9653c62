#!/usr/bin/env bats
# strata metrics serve: the Prometheus exporter, scraped with curl and by
# Debian's real prometheus, on real containers of the runtime under test.

load helpers
load metrics_helpers

# The exporter and prometheus name this test's dir on their command lines
# (--root, --config.file), so helpers.bash's teardown kills them with the rest.

# serve [ARGS...]: start the exporter on a free loopback port; sets SERVER_PID and URL.
serve() {
  # Emptied first: a previous exporter's line must not be read before the new one starts.
  : >"$TEST_DIR/server.log"
  "$STRATA" metrics serve --listen 127.0.0.1:0 --root "$ROOT" --runtime "$RUNTIME" "$@" \
    2>"$TEST_DIR/server.log" &
  SERVER_PID=$!
  local deadline=$((SECONDS + 10)) port=""
  while ((SECONDS <= deadline)); do
    port=$(sed -n 's|.*serving http://127.0.0.1:\([0-9]*\)/metrics|\1|p' "$TEST_DIR/server.log")
    [[ -n "$port" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || fail "exporter exited: $(cat "$TEST_DIR/server.log")"
    sleep 0.05
  done
  [[ -n "$port" ]] || fail "exporter did not listen: $(cat "$TEST_DIR/server.log")"
  URL=http://127.0.0.1:$port/metrics
}

@test "metrics serve exposes cAdvisor's names per container, and drops a removed container's series" {
  start_with "$CID" 'sleep 1000' '{"memory": {"limit": 33554432}, "pids": {"limit": 40}}'
  serve
  run curl -sf "$URL"
  [[ "$status" -eq 0 ]] || fail "scrape failed: $output"
  for name in container_cpu_usage_seconds_total container_cpu_cfs_throttled_periods_total \
    container_memory_usage_bytes container_memory_working_set_bytes container_oom_events_total \
    container_pids_current container_spec_memory_limit_bytes; do
    grep -q "^# TYPE $name " <<<"$output" || fail "no TYPE line for $name"
  done
  assert_output_has "^container_cpu_usage_seconds_total\\{id=\"/[^\"]*\",name=\"$CID\"\\} [0-9.e-]+$"
  assert_output_has "^container_spec_memory_limit_bytes\\{id=\"[^\"]*\",name=\"$CID\"\\} 33554432(\\.0)?$"
  assert_output_has "^container_pids_current\\{id=\"[^\"]*\",name=\"$CID\"\\} 1(\\.0)?$"
  assert_output_has "^container_scrape_error 0(\\.0)?$"
  curl -sf -D - -o /dev/null "$URL" | grep -qi '^content-type: text/plain; version=0.0.4' || fail "content type"
  rt delete --force "$CID"
  run curl -sf "$URL"
  [[ "$status" -eq 0 ]] || fail "scrape failed: $output"
  ! grep -q "name=\"$CID\"" <<<"$output" || fail "series of a deleted container remain"
}

@test "a real Prometheus scrapes the exporter and sees a running container's CPU counter grow" {
  command -v prometheus >/dev/null || skip "prometheus is not installed (scripts/setup.sh)"
  start_with "$CID" 'while :; do :; done' '{"cpu": {"quota": 20000, "period": 100000}}'
  serve
  local target=${URL#http://}
  target=${target%/metrics}
  cat >"$TEST_DIR/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: strata
    scrape_interval: 1s
    static_configs:
      - targets: ['$target']
YAML
  local prom_port
  prom_port=$(free_port)
  prometheus --config.file "$TEST_DIR/prometheus.yml" --storage.tsdb.path "$TEST_DIR/tsdb" \
    --web.listen-address "127.0.0.1:$prom_port" >"$TEST_DIR/prometheus.log" 2>&1 &
  PROM_PID=$!
  local api="http://127.0.0.1:$prom_port/api/v1/query" query first="" value="" deadline=$((SECONDS + 40))
  query="container_cpu_usage_seconds_total{name=\"$CID\"}"
  while ((SECONDS <= deadline)); do
    value=$(curl -sf --get "$api" --data-urlencode "query=$query" | jq -r '.data.result[0].value[1] // empty' || true)
    if [[ -n "$value" ]]; then
      if [[ -z "$first" ]]; then
        first=$value
      elif jq -e -n "$value > $first" >/dev/null; then
        break
      fi
    fi
    sleep 1
  done
  echo "first $first, later $value"
  [[ -n "$first" ]] || fail "prometheus never had the series: $(tail -5 "$TEST_DIR/prometheus.log")"
  jq -e -n "$value > $first" >/dev/null || fail "counter did not grow: $first -> $value"
  # Prometheus itself says the target is up.
  curl -sf --get "$api" --data-urlencode 'query=up{job="strata"}' | jq -e '.data.result[0].value[1] == "1"' >/dev/null ||
    fail "target not up"
}

@test "metrics serve exits 0 on SIGTERM and on SIGINT, and frees its port" {
  for sig in TERM INT; do
    serve
    curl -sf "$URL" >/dev/null || fail "no scrape before SIG$sig"
    kill -s "$sig" "$SERVER_PID"
    local rc=0
    wait "$SERVER_PID" || rc=$?
    [[ "$rc" -eq 0 ]] || fail "exit status $rc after SIG$sig: $(cat "$TEST_DIR/server.log")"
    ! curl -sf "$URL" >/dev/null 2>&1 || fail "still answering after SIG$sig"
    SERVER_PID=""
  done
}

@test "metrics serve refuses a bad --listen naming it, and a port in use" {
  run "$STRATA" metrics serve --listen 127.0.0.1:http --root "$ROOT" --runtime "$RUNTIME"
  assert_failed_with '--listen "127.0.0.1:http".*port'
  run "$STRATA" metrics serve --listen 999.0.0.1:80 --root "$ROOT" --runtime "$RUNTIME"
  assert_failed_with '999.0.0.1'
  serve
  local port=${URL#http://127.0.0.1:}
  port=${port%/metrics}
  run timeout 10 "$STRATA" metrics serve --listen "127.0.0.1:$port" --root "$ROOT" --runtime "$RUNTIME"
  assert_failed_with "127.0.0.1:$port is already in use"
  curl -sf "$URL" >/dev/null || fail "the first exporter stopped answering"
}

#!/usr/bin/env bash
# Benchmark `run` of /bin/true in a busybox bundle: strun against runc and
# crun, in one hyperfine run. A benchmark, not a test.
#
#   STRUN=.build/release/strun scripts/bench.sh
#
# Env: STRUN (default .build/release/strun), BENCH_RUNS (default 200),
# BENCH_WARMUP (default 20), BENCH_RSS_RUNS (default 10), BENCH_POLICY_RUNS (creates
# per policy for the in-process admission figure, default 200), OUT (default out).
# Writes $OUT/bench.json (hyperfine) and $OUT/bench.md (the table).
#
# crun 1.8.1 refuses this machine's hybrid cgroup layout, so the whole
# benchmark runs in a private mount namespace in which an empty file is
# bind-mounted over /sys/fs/cgroup/unified/cgroup.controllers. All runtimes
# run under the same conditions; the host's mounts are not touched.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$script_dir")
cd "$repo"

STRUN=${STRUN:-$repo/.build/release/strun}
OUT=${OUT:-$repo/out}
runs=${BENCH_RUNS:-200}
warmup=${BENCH_WARMUP:-20}
rss_runs=${BENCH_RSS_RUNS:-10}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
bundle=$OUT/bench-bundle
state=$OUT/bench-state
unified=/sys/fs/cgroup/unified/cgroup.controllers

if [[ "${1:-}" != --inner ]]; then
  for tool in hyperfine jq /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench: $tool missing (run scripts/setup.sh)" >&2; exit 1; }
  done
  ((EUID == 0)) || { echo "bench: must run as root" >&2; exit 1; }
  "$script_dir/mkbundle.sh" "$bundle" -- /bin/true
  # crun 1.8.1 predates runtime-spec 1.2 and refuses "1.2.0": give every runtime a 1.0.2 config.
  jq '.ociVersion = "1.0.2-dev"' "$bundle/config.json" >"$bundle/config.json.tmp" && mv "$bundle/config.json.tmp" "$bundle/config.json"
  # A second config on the same rootfs that proves a runtime really runs
  # the container (prints a marker).
  # The same bundle under a full seccomp allow-list (strun's hardened profile, ~350
  # syscalls, as long as Docker's default): the cost of compiling and installing a filter.
  mkdir -p "$bundle/seccomp"
  rm -rf "$bundle/seccomp.tmp"
  mkdir -p "$bundle/seccomp.tmp"
  "$STRUN" spec --hardened -b "$bundle/seccomp.tmp"
  jq --arg r "$bundle/rootfs" --slurpfile h "$bundle/seccomp.tmp/config.json" \
    '.root.path = $r | .linux.seccomp = $h[0].linux.seccomp' "$bundle/config.json" >"$bundle/seccomp/config.json"
  rm -rf "$bundle/seccomp.tmp"
  mkdir -p "$bundle/check"
  jq --arg r "$bundle/rootfs" '.root.path = $r | .process.args = ["echo", "strata-bench-ok"]' \
    "$bundle/config.json" >"$bundle/check/config.json"
  # Wasm: a WASI hello (binary, made from tests/wasm/hello.wat by wabt, and the WAT
  # itself) and a native hello (busybox echo), all on the same rootfs and config.
  cp "$repo/tests/wasm/hello.wat" "$bundle/rootfs/hello.wat"
  if command -v wat2wasm >/dev/null; then wat2wasm -o "$bundle/rootfs/hello.wasm" "$repo/tests/wasm/hello.wat"; fi
  for variant in native:'["echo", "hello from wasm"]' wasm:'["/hello.wasm"]' wat:'["/hello.wat"]'; do
    mkdir -p "$bundle/${variant%%:*}-hello"
    jq --arg r "$bundle/rootfs" --argjson a "${variant#*:}" \
      '.root.path = $r | .process.args = $a | if $a[0] == "echo" then . else .annotations["run.oci.handler"] = "wasm" end' \
      "$bundle/config.json" >"$bundle/${variant%%:*}-hello/config.json"
  done
  # --- policy (issue 7): a 50-rule admission policy, 49 deny rules that do not match
  # the bench config and one allow-all; one copy evaluates only, one also records the
  # allow decision in the audit log (flock + SHA-256 chain) on every run.
  for rec in false true; do
    jq -n --arg log "$OUT/bench-audit.jsonl" --argjson rec "$rec" '
      def m: [{capabilities: ["CAP_SYS_ADMIN", "CAP_SYS_MODULE"]}, {hostNamespaces: ["pid", "network"]},
              {mount: {source: ["/var/run/docker.sock", "/run/containerd/*"]}}, {devices: ["a *:*", "c 1:11"]},
              {sysctls: ["kernel.*", "vm.*"]}, {images: ["docker.io/evil/*"]}, {annotations: {"strata.bench": "deny-*"}}];
      {strataPolicy: 1, audit: {path: $log, recordAllowed: $rec},
       rules: ([range(0; 49) as $i | {id: "r\($i)", severity: (["low", "medium", "high", "critical"][$i % 4]),
                                       effect: "deny", match: m[$i % 7]}]
               + [{id: "allow-rest", severity: "low", effect: "allow", match: {}}])}' >"$bundle/policy50-record-$rec.json"
  done
  rm -f "$OUT/bench-audit.jsonl" "$OUT/bench-audit.jsonl.head"
  # --- end policy
  if [[ -e "$unified" ]] && command -v unshare >/dev/null; then
    exec unshare -m --propagation private "$0" --inner
  fi
  exec "$0" --inner
fi

# --- inside the private mount namespace ---------------------------------
if [[ -e "$unified" ]]; then
  empty=$(mktemp)
  mount --bind "$empty" "$unified"
fi
rm -rf "$state"
mkdir -p "$state"

declare -a names=() bins=() bundles=()
add_runtime() {
  local name=$1 bin=$2 out
  if [[ -z "$bin" || ! -x "$bin" ]]; then
    echo "bench: skipping $name: binary not found${bin:+ at $bin}" >&2
    return
  fi
  mkdir -p "$state/$name"
  out=$("$bin" --root "$state/$name" run -b "$bundle/check" "check-$name-$$" </dev/null 2>&1 || true)
  "$bin" --root "$state/$name" delete --force "check-$name-$$" >/dev/null 2>&1 || true
  if [[ "$out" != *strata-bench-ok* ]]; then
    echo "bench: skipping $name: it did not run the check container: ${out:0:200}" >&2
    return
  fi
  names+=("$name")
  bins+=("$bin")
  bundles+=("$bundle")
  if [[ ${BENCH_SECCOMP:-1} == 1 ]]; then
    names+=("$name+seccomp")
    bins+=("$bin")
    bundles+=("$bundle/seccomp")
  fi
}
add_runtime strun "$STRUN"
add_runtime runc "$(command -v runc || true)"
add_runtime crun "$(command -v crun || true)"
# The CVE-2019-5736 exec stub's cost: strun with the stub switched off (a knob only
# this benchmark uses; the stub is on in every real run) against strun with it, both
# started through env(1) so that they differ in the stub alone.
if [[ ${BENCH_EXEC_STUB:-1} == 1 && " ${names[*]} " == *" strun "* ]]; then
  names+=("strun-env" "strun-env-no-exec-stub")
  bins+=("env STRUN_BENCH_BASELINE=1 $STRUN" "env STRUN_BENCH_NO_EXEC_STUB=1 $STRUN")
  bundles+=("$bundle" "$bundle")
fi
# --- policy (issue 7): strun without a policy, with the 50-rule policy, and with it
# recording every decision; all three through env(1) so that they differ in the policy only.
if [[ ${BENCH_POLICY:-1} == 1 && " ${names[*]} " == *" strun "* ]]; then
  names+=("strun-env-no-policy" "strun-env-policy50" "strun-env-policy50-audit")
  bins+=("env STRATA_POLICY= $STRUN" "env STRATA_POLICY=$bundle/policy50-record-false.json $STRUN"
    "env STRATA_POLICY=$bundle/policy50-record-true.json $STRUN")
  bundles+=("$bundle" "$bundle" "$bundle")
fi
# --- end policy
((${#names[@]})) || { echo "bench: no runtime to benchmark" >&2; exit 1; }

# One id per runtime; --prepare (not timed) removes whatever a run left, so
# every timed run starts from a clean state. Foreground `run` deletes the
# container itself in all three runtimes. -N: no shell in the measurement.
# This VM's speed drifts within minutes (seen: crun's median moving from 6 to 10 ms),
# and hyperfine runs one command's runs back to back. So the runs are split into
# ROUNDS hyperfine calls with the runtimes in rotating order, and the medians below
# are taken over all rounds' times together.
rounds=${BENCH_ROUNDS:-5}
per_round=$(((runs + rounds - 1) / rounds))
for ((round = 0; round < rounds; round++)); do
  hf=(hyperfine -N --warmup "$warmup" --runs "$per_round" --export-json "$OUT/bench-round$round.json" --style basic)
  for ((k = 0; k < ${#names[@]}; k++)); do
    i=$(((k + round) % ${#names[@]}))
    name=${names[i]} bin=${bins[i]}
    id=bench-${name//+/-}
    mkdir -p "$state/$name"
    hf+=(--prepare "$bin --root $state/$name delete --force $id")
    hf+=(--command-name "$name" "$bin --root $state/$name run -b ${bundles[i]} $id")
  done
  [[ -z ${BENCH_DEBUG:-} ]] || printf "%q " "${hf[@]}" >&2
  "${hf[@]}" >/dev/null
done
# One result per runtime over every round: median, min, mean user/system.
jq -s '{results: [map(.results[]) | group_by(.command)[] | {
    command: .[0].command,
    times: (map(.times[]) | sort),
    user: (map(.user) | add / length), system: (map(.system) | add / length)}
  | .median = (.times | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end)
  | .min = .times[0]]}' "$OUT"/bench-round*.json >"$OUT/bench.json"
rm -f "$OUT"/bench-round*.json

# Peak RSS with GNU time: ru_maxrss of the runtime's process tree as wait4
# reports it, i.e. the largest single process among the runtime and the
# children it reaped (for runc: `runc run` or its `runc init` child; for a
# runtime that double-forks, a grandchild it does not reap is not counted).
declare -A rss=()
for i in "${!names[@]}"; do
  name=${names[i]} bin=${bins[i]} max=0
  for ((r = 0; r < rss_runs; r++)); do
    # shellcheck disable=SC2086 # bin may carry an env prefix
    /usr/bin/time -f '%M' -o "$state/rss" $bin --root "$state/$name" run -b "${bundles[i]}" \
      "rss-${name//+/-}-$r" </dev/null >/dev/null 2>&1 || true
    kb=$(tail -n1 "$state/rss")
    # shellcheck disable=SC2086
    $bin --root "$state/$name" delete --force "rss-${name//+/-}-$r" >/dev/null 2>&1 || true
    [[ "$kb" =~ ^[0-9]+$ ]] && ((kb > max)) && max=$kb
  done
  rss[$name]=$max
done

median_of() { jq -r --arg n "$1" '.results[] | select(.command == $n) | .median' "$OUT/bench.json"; }
{
  echo "| command | median ms | min ms | vs crun (median, same config) | peak RSS MB |"
  echo "|---|---|---|---|---|"
  for i in "${!names[@]}"; do
    name=${names[i]}
    # Each row against crun with the same config (plain or +seccomp).
    crun_name=crun
    [[ $name != *+seccomp ]] || crun_name=crun+seccomp
    crun_median=$(median_of "$crun_name")
    median=$(median_of "$name")
    min=$(jq -r --arg n "$name" '.results[] | select(.command == $n) | .min' "$OUT/bench.json")
    ratio="n/a"
    if [[ -n "$crun_median" ]]; then
      ratio=$(awk -v a="$median" -v b="$crun_median" 'BEGIN { printf "%.2f", a / b }')
    fi
    # shellcheck disable=SC2086
    version=$(${bins[i]} --version 2>/dev/null | head -n1 || true)
    printf '| %s | %.2f | %.2f | %s | %.1f |\n' "$name ${version##* }" \
      "$(awk -v m="$median" 'BEGIN { print m * 1000 }')" \
      "$(awk -v m="$min" 'BEGIN { print m * 1000 }')" "$ratio" \
      "$(awk -v k="${rss[$name]}" 'BEGIN { print k / 1024 }')"
  done
} >"$OUT/bench.md"
if [[ " ${names[*]} " == *" strun-env "* ]]; then
  with=$(median_of strun-env) without=$(median_of strun-env-no-exec-stub)
  awk -v a="$with" -v b="$without" 'BEGIN { printf "\nexec stub (CVE-2019-5736): %+.2f ms per run (strun-env minus strun-env-no-exec-stub medians)\n", (a - b) * 1000 }' >>"$OUT/bench.md"
fi
# --- Wasm: `strun run` of a WASI hello against `strun run` of a native hello ---------
# Same rootfs, same default config (namespaces, cgroup); the Wasm ones carry
# run.oci.handler=wasm. Rotating rounds as above; medians over all rounds.
if [[ ${BENCH_WASM:-1} == 1 && " ${names[*]} " == *" strun "* ]]; then
  wasm_rows=()
  mkdir -p "$state/wasm"
  for kind in native wasm wat; do
    [[ -e "$bundle/rootfs/hello.$kind" || $kind == native ]] || continue
    out=$("$STRUN" --root "$state/wasm" run -b "$bundle/$kind-hello" "check-$kind-$$" </dev/null 2>&1 || true)
    if [[ "$out" == "hello from wasm" ]]; then wasm_rows+=("$kind"); else echo "bench: skipping $kind hello: ${out:0:200}" >&2; fi
  done
  for ((round = 0; round < rounds; round++)); do
    hf=(hyperfine -N --warmup "$warmup" --runs "$per_round" --export-json "$OUT/bench-wasm-round$round.json" --style basic)
    for ((k = 0; k < ${#wasm_rows[@]}; k++)); do
      kind=${wasm_rows[(k + round) % ${#wasm_rows[@]}]}
      hf+=(--prepare "$STRUN --root $state/wasm delete --force hello-$kind")
      hf+=(--command-name "strun-$kind-hello" "$STRUN --root $state/wasm run -b $bundle/$kind-hello hello-$kind")
    done
    "${hf[@]}" >/dev/null
  done
  jq -s '[map(.results[]) | group_by(.command)[] | {command: .[0].command, times: (map(.times[]) | sort)}
    | .median = (.times | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end)
    | .min = .times[0] | del(.times)]' "$OUT"/bench-wasm-round*.json >"$OUT/bench-wasm.json"
  rm -f "$OUT"/bench-wasm-round*.json
  native_median=$(jq -r '.[] | select(.command == "strun-native-hello") | .median' "$OUT/bench-wasm.json")
  {
    echo
    echo "| command | median ms | min ms | vs native hello (median) | peak RSS MB |"
    echo "|---|---|---|---|---|"
    for kind in "${wasm_rows[@]}"; do
      max=0
      for ((r = 0; r < rss_runs; r++)); do
        /usr/bin/time -f '%M' -o "$state/rss" "$STRUN" --root "$state/wasm" run -b "$bundle/$kind-hello" "rss-$kind-$r" \
          </dev/null >/dev/null 2>&1 || true
        kb=$(tail -n1 "$state/rss")
        [[ "$kb" =~ ^[0-9]+$ ]] && ((kb > max)) && max=$kb
      done
      jq -r --arg c "strun-$kind-hello" --arg n "$native_median" --arg kb "$max" '.[] | select(.command == $c)
        | "| \(.command) | \(.median * 1000 * 100 | round / 100) | \(.min * 1000 * 100 | round / 100) | \(.median / ($n | tonumber) * 100 | round / 100) | \($kb | tonumber / 1024 * 10 | round / 10) |"' \
        "$OUT/bench-wasm.json"
    done
  } >>"$OUT/bench.md"
fi

# --- policy (issue 7)
if [[ " ${names[*]} " == *" strun-env-policy50 "* ]]; then
  none=$(median_of strun-env-no-policy) p50=$(median_of strun-env-policy50) p50a=$(median_of strun-env-policy50-audit)
  awk -v n="$none" -v p="$p50" -v a="$p50a" 'BEGIN { printf "\npolicy of 50 rules, whole runs: %+.3f ms per run (evaluation only), %+.3f ms with an audit record per run (medians against strun-env-no-policy; within this VM'"'"'s run-to-run noise)\n", (p - n) * 1000, (a - n) * 1000 }' >>"$OUT/bench.md"
  # A run's whole time varies by more than the 0.1 ms target, so two in-process figures
  # (strun --debug, each create a fresh process as an engine starts it) show the cost:
  # - "admitted in N µs": the admission step, from opening the policy to the decision
  #   (compiled entry read and checked, the config's facts, every rule tested), for the
  #   50-rule policy and a 1-rule one (the fixed part);
  # - "N µs from reading the bundle to the clone": all of create's work before the clone,
  #   without a policy and with the 50-rule one, alternating, compared pair by pair. This one
  #   also counts what the admission only moves (code and memory the rest of create would
  #   touch first otherwise).
  [[ ! -e /etc/strata/policy.json ]] || echo "bench: /etc/strata/policy.json exists: the no-policy rows enforce it" >&2
  jq '.rules = [.rules[-1]]' "$bundle/policy50-record-false.json" >"$bundle/policy1.json"
  mkdir -p "$state/admission"
  : >"$state/admission.tsv"
  debug_run() { # POLICY ID: "admitted µs<TAB>to-the-clone µs" (admitted empty without a policy)
    # A failed run leaves its fields empty, and the summary skips that round.
    { STRATA_POLICY=$1 "$STRUN" --debug --root "$state/admission" run -b "$bundle" "$2" </dev/null 2>&1 >/dev/null || true; } |
      sed -n 's/.*create: \([0-9]*\) µs from reading the bundle to the clone\(; policy .*: admitted in \([0-9]*\) µs\)\{0,1\}.*/\3\t\1/p' |
      head -n1 | tr -d '\n'
  }
  for ((r = 0; r < ${BENCH_POLICY_RUNS:-200}; r++)); do
    none=$(debug_run "" "admit-0-$r") p50=$(debug_run "$bundle/policy50-record-false.json" "admit-50-$r")
    p1=$(debug_run "$bundle/policy1.json" "admit-1-$r")
    printf '%s\t%s\t%s\n' "$none" "$p50" "$p1" >>"$state/admission.tsv"
  done
  # Columns: - none-clone, a50, c50, a1, c1.
  awk -F'\t' '
    function median(v, n,   i, j, t) { for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
                                        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
    function p90(v, n) { return v[int(n * 0.9 + 0.5)] }
    $2 != "" && $3 != "" && $4 != "" && $5 != "" && $6 != "" {
      n++; a50[n] = $3; a1[n] = $5; none[n] = $2; c50[n] = $4; d[n] = $4 - $2 }
    END {
      if (!n) { print "policy admission: no measurement"; exit }
      m50 = median(a50, n); q50 = p90(a50, n); m1 = median(a1, n); q1 = p90(a1, n)
      printf "policy admission in create (strun --debug, %d creates each): 50 rules %d µs median (p90 %d), 1 rule %d µs median (p90 %d); target 100 µs for 50 rules\n", n, m50, q50, m1, q1
      printf "create up to the clone: %d µs median without a policy, %d µs with the 50-rule one; added per create: %+d µs (median of %d alternating pairs)\n", median(none, n), median(c50, n), median(d, n), n
    }' "$state/admission.tsv" >>"$OUT/bench.md"
  rm -f "$OUT/bench-audit.jsonl" "$OUT/bench-audit.jsonl.head"
fi
# --- end policy
echo
cat "$OUT/bench.md"
echo
echo "runs: $((per_round * rounds)) in $rounds rotating rounds (warmup $warmup each); JSON: $OUT/bench.json; peak RSS: max of $rss_runs runs"
rm -rf "$state"

# --- metrics exporter (issue 8): scrape time with 100 containers -----------
# Separate script, run here when strata is built; BENCH_METRICS=0 skips it.
if [[ "${BENCH_METRICS:-1}" != 0 && -x "${STRATA:-$repo/.build/release/strata}" ]]; then
  echo
  STRUN=$STRUN STRATA=${STRATA:-$repo/.build/release/strata} OUT=$OUT "$script_dir/bench-metrics.sh"
fi

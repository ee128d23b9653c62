#!/usr/bin/env bash
# Run test stages one after another, also after a failure, then print one summary.
#
#   scripts/test-stages.sh "MAKE-COMMAND" STAGE...      (run by `make test`)
#
# Each STAGE is a make target, run as `MAKE-COMMAND STAGE` with its output shown and kept
# in $OUT/test/STAGE.log. A STAGE with no make target is skipped (a hook for a track that
# has not landed). Counts per stage come from its log: bats TAP lines (`ok`, `not ok`,
# `ok ... # skip`) and Swift Testing's per-test lines (passed / failed / skipped); a stage
# that exits non-zero with no failing test in its log counts as one failure (a build
# that broke, a daemon that never started). The last line is
# `N passed, N failed, N skipped`; the exit status is 1 when anything failed.
set -uo pipefail

make_cmd=$1
shift
out=${OUT:-out}/test
mkdir -p "$out"

# The targets make knows (its database, without running anything).
declare -A targets=()
while IFS= read -r t; do targets[$t]=1; done < <(
  $make_cmd -pRrq : 2>/dev/null | awk -F: '/^[A-Za-z0-9][^$#\/\t=]*:([^=]|$)/ { print $1 }' | sort -u)

# count LOG: "passed failed skipped" from a stage's output.
count() {
  awk '
    # bats (TAP): "ok 3 name", "ok 4 name # skip (reason)", "not ok 5 name"
    /^ok [0-9]+ / { if ($0 ~ / # [Ss][Kk][Ii][Pp]/) s++; else p++; next }
    /^not ok [0-9]+ / { f++; next }
    # Swift Testing: one line per test that ends (suites and the run summary excluded)
    /^[^ ]+ Test [^ ].* passed after / && !/^[^ ]+ Test run with / { p++; next }
    /^[^ ]+ Test [^ ].* failed after / && !/^[^ ]+ Test run with / { f++; next }
    /^[^ ]+ Test [^ ].* skipped/ && !/^[^ ]+ Test run with / { s++; next }
    # XCTest
    /^Test Case .* passed \(/ { p++; next }
    /^Test Case .* failed \(/ { f++; next }
    /^Test Case .* skipped \(/ { s++; next }
    END { printf "%d %d %d\n", p, f, s }' "$1"
}

names=() results=() passes=() fails=() skips=() times=()
total_p=0 total_f=0 total_s=0 failed_stages=0
for stage in "$@"; do
  log=$out/$stage.log
  start=$SECONDS
  if [[ -z "${targets[$stage]:-}" ]]; then
    echo "==> $stage: no make target yet: skipped" | tee "$log"
    result=skip p=0 f=0 s=1
  else
    echo "==> $stage"
    $make_cmd "$stage" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    read -r p f s < <(count "$log")
    if ((rc != 0)); then
      result=FAIL
      ((f > 0)) || f=1
      failed_stages=$((failed_stages + 1))
    elif ((f > 0)); then
      # A stage whose runner exited 0 but printed a failing test still failed.
      result=FAIL
      failed_stages=$((failed_stages + 1))
    else
      result=pass
    fi
  fi
  names+=("$stage") results+=("$result") passes+=("$p") fails+=("$f") skips+=("$s")
  times+=("$((SECONDS - start))s")
  total_p=$((total_p + p)) total_f=$((total_f + f)) total_s=$((total_s + s))
done

echo
printf '%-18s %-6s %7s %7s %8s %8s\n' STAGE RESULT PASSED FAILED SKIPPED TIME
for i in "${!names[@]}"; do
  printf '%-18s %-6s %7s %7s %8s %8s\n' "${names[i]}" "${results[i]}" "${passes[i]}" "${fails[i]}" "${skips[i]}" "${times[i]}"
done
echo "logs: $out/STAGE.log; $failed_stages of ${#names[@]} stages failed"
echo "$total_p passed, $total_f failed, $total_s skipped"
((total_f == 0))

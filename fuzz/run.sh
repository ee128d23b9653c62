#!/usr/bin/env bash
# Builds the config reader/validator fuzz target with libFuzzer and runs it for a fixed time.
#   fuzz/run.sh                 FUZZ_SECONDS (default 300) on one job, corpus fuzz/corpus/spec
#   FUZZ_SECONDS=60 fuzz/run.sh
# New inputs go to a scratch corpus under $FUZZ_OUT (default .build-fuzz/), never into the
# committed seeds; crashes are written there as crash-* and make the script exit non-zero.
# Not run in CI: it is a time-boxed search, not a test.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
out=${FUZZ_OUT:-$repo/.build-fuzz}
seconds=${FUZZ_SECONDS:-300}
mkdir -p "$out/corpus" "$out/artifacts"

# Address sanitizer too: the reader walks raw buffers with unsafe pointers. Rebuilt only
# when a source is newer than the binary (an optimised build takes minutes here).
binary=$out/spec-fuzz
if [[ ! -x "$binary" ]] || [[ -n "$(find "$repo/Sources/StrataSpec" "$here/SpecFuzz.swift" -newer "$binary" -name '*.swift' | head -n1)" ]]; then
  echo "fuzz: building $binary" >&2
  swiftc -O -parse-as-library -sanitize=fuzzer,address -swift-version 6 \
      -module-name StrataSpecFuzz \
      "$repo"/Sources/StrataSpec/*.swift "$here/SpecFuzz.swift" \
      -o "$binary"
fi

# Seeds are read from the committed corpus; what the fuzzer adds lands in the scratch one.
"$binary" -max_total_time="$seconds" -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$out/artifacts/" \
    -dict="$here/spec.dict" \
    "$out/corpus" "$here/corpus/spec" 2>&1 | tee "$out/last-run.log"

#!/usr/bin/env bash
# Install the host tools that the demo, the integration suite and the
# benchmarks need. Idempotent and non-interactive: asks dpkg once which
# packages are missing, and runs `apt-get update` only when one is.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

packages=(
  busybox-static   # the rootfs of every test bundle (must be the static build)
  bats             # integration suite
  jq               # editing config.json, reading state JSON
  hyperfine        # scripts/bench.sh
  time             # /usr/bin/time -f %M for peak RSS in bench.sh
  runc             # reference runtime (make test-runc, bench)
  crun             # reference runtime (bench)
  libseccomp-dev   # the seccomp system-library target
  uidmap           # newuidmap/newgidmap for rootless id ranges (tests/integration/rootless.bats)
  iproute2         # `ip netns` in the namespace-joining tests
  python3          # tests/integration/recvtty.py
  containerd       # tests/clients: containerd drives strun through the runc v2 shim
  docker.io        # tests/clients: dockerd --add-runtime drives strun
  podman           # tests/clients: podman --runtime (through conmon) drives strun
  wabt             # wat2wasm: binary copies of the WAT test modules (tests/integration/wasm.bats)
  prometheus       # tests/integration/metrics.bats: a real Prometheus scrapes `strata metrics serve`
  curl             # tests/integration/metrics.bats and scripts/bench.sh: scrapes of the exporter
  libsqlite3-dev   # GRDB (the engine's container records) links the system SQLite
  util-linux       # setpriv: tests/engine runs strata sandbox as an unprivileged user
)

# One dpkg-query for all of them; packages dpkg has never heard of print nothing.
declare -A installed=()
while read -r name status; do
  [[ "$status" == ii* ]] && installed[$name]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null || true)

missing=()
for pkg in "${packages[@]}"; do
  [[ -n "${installed[$pkg]:-}" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all tools present"
  exit 0
fi

sudo=()
if ((EUID != 0)); then
  sudo=(sudo -n)
fi

echo "setup: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq </dev/null
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
echo "setup: done"

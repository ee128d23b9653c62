#!/usr/bin/env bash
# Install what the project needs, by group: the one place that says what each part needs.
#
#   scripts/setup.sh [GROUP...]      (no group: core)
#   scripts/setup.sh --list          the groups and their packages
#
# Groups (`all` is every group):
#   core     build strun and run the demo (`make demo`); `demo` is another name for it
#   test     unit, integration and the Makefile's test runner (`make test`)
#   clients  containerd, Docker and Podman for tests/clients
#   bench    scripts/bench.sh and scripts/bench-metrics.sh
#   vm       the cgroup-v2 guest (scripts/vm/v2-guest.sh): qemu and Debian's kernel
#
# Idempotent and non-interactive: asks dpkg once which packages are missing, runs
# `apt-get update` and `apt-get install` only when one is, then each chosen group's
# extra step (after_GROUP, e.g. the vm group's kernel). When another apt-get or dpkg
# holds the lock, it waits for it (up to SETUP_LOCK_TIMEOUT seconds, default 600)
# instead of failing.
#
# Adding a group: one array `group_NAME=(package ...)` below, with a comment per package
# saying who needs it; if the group needs more than packages, a function `after_NAME`.
# `all` and --list pick it up by its name; nothing else needs changing.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
lock_timeout=${SETUP_LOCK_TIMEOUT:-600}

# --- groups --------------------------------------------------------------------

group_core=(
  busybox-static   # the rootfs of every bundle, the demo's included (must be the static build)
  jq               # scripts/mkbundle.sh edits config.json
  libseccomp-dev   # the CSeccomp system-library target (libseccomp.a for the static build)
  pkg-config       # SwiftPM finds libseccomp through it (a warning per target without it)
  libarchive-dev   # the CArchive system-library target: StrataImage reads layer tarballs
  libzstd-dev      # libzstd.a and zlib's libz.a: the static strata links libarchive's zstd and gzip filters
  zlib1g-dev
  libsqlite3-dev   # GRDB (StrataEngine's container records)
  git              # the commit that `strun --version` shows (scripts/buildinfo.sh)
)

group_test=(
  bats             # integration and client suites
  parallel         # bats --jobs: independent integration files run side by side
  jq               # editing config.json, reading state JSON
  busybox-static   # test bundles' rootfs
  runc             # the reference runtime (make test-runc; specs of the test bundles)
  crun             # a second reference runtime in a few comparisons
  uidmap           # newuidmap/newgidmap for rootless id ranges (rootless.bats)
  iproute2         # `ip netns` in the namespace-joining tests
  python3          # recvtty.py, seccomp_listener.py
  wabt             # wat2wasm: binary copies of the WAT test modules (wasm.bats)
  prometheus       # metrics.bats: a real Prometheus scrapes `strata metrics serve`
  curl             # metrics.bats: scrapes of the exporter
  bsdutils         # script(1): tty tests
  keyutils         # keyctl: a key in the caller's session keyring (exec.bats)
  gcc              # tests compile small C helpers (swap.c, keyprobe.c, syscall.c)
  util-linux       # setpriv: tests/engine runs strata sandbox as an unprivileged user
  containernetworking-plugins  # tests/engine: CNI bridge, host-local, portmap, firewall, loopback
)

group_clients=(
  containerd       # tests/clients/containerd.bats: the runc v2 shim with BinaryName
  docker.io        # tests/clients/docker.bats: dockerd with a `runtimes` entry
  podman           # tests/clients/podman.bats: podman --runtime (through conmon)
  bsdutils         # script(1): the -it tests
)

group_bench=(
  hyperfine        # scripts/bench.sh
  time             # /usr/bin/time -f %M for peak RSS
  runc             # peer runtime
  crun             # peer runtime
  curl             # scrapes in bench-metrics.sh
)

group_images=(
  docker-registry  # tests/images: distribution 2.8 registries on loopback
  skopeo           # tests/images: pushes the test images into them
  apache2-utils    # tests/images: htpasswd for the basic-auth registry
  zstd             # tests/images/mkimage.py: zstd-compressed layers
  attr             # tests/images: getfattr on unpacked layers
  libcap2-bin      # tests/images: getcap on unpacked layers
  python3-cryptography  # tests/images/token_server.py: signs the bearer tokens
  podman           # tests/images: the unpacked tree is compared with podman's
)

group_vm=(
  qemu-system-x86  # the guest (TCG, or KVM where the host's KVM boots a stock kernel)
  busybox-static   # the guest's initramfs
  xz-utils         # unpacks the kernel's xz payload for a PVH boot
)

# after_vm: the guest kernel: `apt-get download` of the package linux-image-amd64 depends
# on, cut down to vmlinuz and the initramfs's modules under .cache/vm (scripts/vm/fetch-kernel.sh).
after_vm() {
  V2_GUEST_APT_GET="$(printf '%q ' "${apt[@]}")" "$script_dir/vm/fetch-kernel.sh"
}

# --- the rest needs no change for a new group ----------------------------------

all_groups() { compgen -A variable group_ | sed 's/^group_//'; }

if [[ "${1:-}" == --list ]]; then
  for g in $(all_groups); do
    declare -n list=group_$g
    echo "$g: ${list[*]}"
  done
  exit 0
fi
if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
  sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 0
fi

chosen=()
for g in "${@:-core}"; do
  case "$g" in
    all) while read -r a; do chosen+=("$a"); done < <(all_groups) ;;
    demo) chosen+=(core) ;;
    *)
      declare -p "group_$g" >/dev/null 2>&1 || {
        echo "setup: unknown group '$g' (groups: $(all_groups | tr '\n' ' ')all)" >&2
        exit 2
      }
      chosen+=("$g")
      ;;
  esac
done

# Each group and package once, in the order given.
declare -A seen=()
groups=()
for g in "${chosen[@]}"; do
  [[ -n "${seen[group:$g]:-}" ]] || groups+=("$g")
  seen[group:$g]=1
done
packages=()
for g in "${groups[@]}"; do
  declare -n list=group_$g
  for p in "${list[@]}"; do
    [[ -n "${seen[$p]:-}" ]] && continue
    seen[$p]=1
    packages+=("$p")
  done
done

sudo=()
((EUID == 0)) || sudo=(sudo -n)
# DPkg::Lock::Timeout makes install wait for dpkg's lock; `update` takes the lists lock,
# which apt does not wait for, so update_lists retries it.
apt=("${sudo[@]}" apt-get -o "DPkg::Lock::Timeout=$lock_timeout" -qq)

update_lists() {
  local deadline=$((SECONDS + lock_timeout)) err
  while true; do
    if err=$("${apt[@]}" update </dev/null 2>&1); then return 0; fi
    if [[ "$err" == *"Could not get lock"* || "$err" == *"Unable to lock"* ]] && ((SECONDS < deadline)); then
      echo "setup: waiting for another apt-get to release its lock" >&2
      sleep 5
      continue
    fi
    printf '%s\n' "$err" >&2
    return 1
  done
}

# One dpkg-query for all of them; packages dpkg has never heard of print nothing.
declare -A installed=()
while read -r name status; do
  [[ "$status" == ii* ]] && installed[$name]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null || true)

missing=()
for p in "${packages[@]}"; do
  [[ -n "${installed[$p]:-}" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "setup: ${groups[*]}: all packages present"
else
  echo "setup: ${groups[*]}: installing ${missing[*]}"
  update_lists
  "${apt[@]}" install -y --no-install-recommends "${missing[@]}" </dev/null
fi

for g in "${groups[@]}"; do
  if declare -F "after_$g" >/dev/null; then "after_$g"; fi
done
echo "setup: done"

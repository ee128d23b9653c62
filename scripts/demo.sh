#!/usr/bin/env bash
# The demo (`make demo`): one busybox container run by the static strun with its
# hardened config, a short proof of what it cannot see or do, and what to try next.
#
#   STRUN=.build/release/strun OUT=out scripts/demo.sh
#
# Needs root, /bin/busybox from busybox-static and jq (scripts/setup.sh core). Leaves
# only OUT/demo-bundle and OUT/demo-shell (two bundles to play with); the container and
# its state under OUT/demo-state are gone when it exits.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$script_dir")
strun=${STRUN:-$repo/.build/release/strun}
out=${OUT:-$repo/out}
bundle=$out/demo-bundle
shell_bundle=$out/demo-shell
state=$out/demo-state

((EUID == 0)) || { echo "demo: strun makes namespaces and cgroups: run it as root" >&2; exit 1; }
[[ -x "$strun" ]] || { echo "demo: $strun is not built (make release-strun)" >&2; exit 1; }
rel() { local p=$1; echo "${p#"$PWD"/}"; }

# What the container will be compared with: the host's own view.
host_name=$(hostname)
host_procs=$(ls -d /proc/[0-9]* 2>/dev/null | wc -l)
host_links=$(ls /sys/class/net | wc -l)

echo "    making a bundle: a busybox rootfs and 'strun spec --hardened' as its config.json"
"$script_dir/mkbundle.sh" "$bundle" "$strun" >/dev/null
rm -f "$bundle/config.json"
(cd "$bundle" && "$strun" spec --hardened)

# The proof, run by busybox sh inside the container. Each line: what it checked, and
# what the container saw; the host's values come in through the environment.
read -r -d '' proof <<'SH' || true
say() { printf '  %-22s %s\n' "$1" "$2"; }
try() { if err=$("$@" 2>&1 >/dev/null); then echo "ALLOWED (unexpected)"; else echo "refused: ${err##*: }"; fi; }
procs=$(ls -d /proc/[0-9]* | wc -l)
links=$(ls /sys/class/net | wc -l)
say "hostname" "$(hostname)   (the host is $HOST_NAME)"
say "pid 1" "$(tr '\0' ' ' </proc/1/cmdline)  (this shell is pid $$)"
say "processes visible" "$procs   (the host has $HOST_PROCS: none of them visible)"
say "user" "$(id)"
say "network interfaces" "$(ls /sys/class/net | tr '\n' ' ')  (the host has $HOST_LINKS)"
say "capabilities" "effective $(sed -n 's/^CapEff:[[:space:]]*//p' /proc/self/status) (the host's root: 000001ffffffffff)"
say "seccomp" "mode $(sed -n 's/^Seccomp:[[:space:]]*//p' /proc/self/status) (2 = a filter: an allow-list of syscalls)"
say "no_new_privs" "$(sed -n 's/^NoNewPrivs:[[:space:]]*//p' /proc/self/status) (setuid binaries gain nothing)"
say "write to /" "$(try touch /strata-was-here)"
say "mount a tmpfs" "$(try mount -t tmpfs none /tmp)"
say "set the hostname" "$(try hostname evil)"
say "write /proc/sys" "$(try sh -c 'echo 1 >/proc/sys/kernel/sysrq')"
say "pids limit" "$(cat /sys/fs/cgroup/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || echo unknown)"
SH

# The proof is a file in the rootfs (written before the root turns read-only), so that
# pid 1 reads as a short command line.
printf '%s\n' "$proof" >"$bundle/rootfs/bin/strata-proof"
tmp=$(mktemp "$bundle/config.json.XXXXXX")
jq --arg name "$host_name" --arg procs "$host_procs" --arg links "$host_links" '
  .hostname = "strata-demo"
  | .process.terminal = false
  | .process.args = ["sh", "/bin/strata-proof"]
  | .process.env += ["HOST_NAME=" + $name, "HOST_PROCS=" + $procs, "HOST_LINKS=" + $links]' \
  "$bundle/config.json" >"$tmp"
mv "$tmp" "$bundle/config.json"

# A second bundle, the same sandbox with an interactive shell, for the first next step.
rm -rf "$shell_bundle"
cp -a "$bundle" "$shell_bundle"
jq '.process.terminal = true | .process.args = ["sh"] | .process.env |= map(select(startswith("HOST_") | not))' \
  "$bundle/config.json" >"$shell_bundle/config.json"

id=demo-$$
echo "    strun --root $(rel "$state") run $id: new pid, mount, network, uts, ipc and cgroup namespaces,"
echo "    a pivot_root into the busybox rootfs (read-only), 3 capabilities, Strata's seccomp allow-list"
echo
echo "  what the container saw"
mkdir -p "$state"
rc=0
"$strun" --root "$state" run -b "$bundle" "$id" </dev/null || rc=$?
# `run` deletes the container when its process exits: nothing is left in the state root.
rmdir "$state" 2>/dev/null || true

cat <<EOF

  The container ran in its own namespaces under strun and is gone (exit status $rc).
  Next, try:
    1. a shell in the same sandbox:      $(rel "$strun") run -b $(rel "$shell_bundle") my-shell
    2. from another terminal, look in:   $(rel "$strun") list; $(rel "$strun") ps my-shell
    3. strun under Docker, containerd, Podman or Kubernetes: README.md, "Use strun under a client"
EOF

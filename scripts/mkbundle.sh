#!/usr/bin/env bash
# Make an OCI bundle with a busybox rootfs.
#
#   scripts/mkbundle.sh DIR [RUNTIME] [-- ARG...]
#
# DIR/rootfs gets a static busybox with one symlink per applet, the usual
# top-level directories and an /etc/passwd and /etc/group with root and
# nobody (uid/gid 1000). DIR/config.json comes from `RUNTIME spec` with
# process.terminal set to false and process.args set to ARG... (default: sh).
# RUNTIME defaults to $STRUN (default .build/release/strun), and falls back
# to runc when strun is not built or cannot write a spec yet.
# BUSYBOX overrides the busybox binary (default /bin/busybox).
set -euo pipefail

usage() { echo "usage: $0 DIR [RUNTIME] [-- ARG...]" >&2; exit 2; }

[[ $# -ge 1 && -n "$1" && "$1" != "--" ]] || usage
dir=$1
shift
runtime=
if [[ $# -gt 0 && "$1" != "--" ]]; then
  runtime=$1
  shift
fi
if [[ $# -gt 0 ]]; then
  [[ "$1" == "--" ]] || usage
  shift
fi
args=("$@")
((${#args[@]})) || args=(sh)

busybox=${BUSYBOX:-/bin/busybox}
[[ -x "$busybox" ]] || { echo "mkbundle: $busybox not found (run scripts/setup.sh)" >&2; exit 1; }
if LC_ALL=C grep -qa '/lib64/ld-linux' "$busybox"; then
  echo "mkbundle: warning: $busybox looks dynamically linked; install busybox-static" >&2
fi

# Pick the runtime whose `spec` writes the config.
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$script_dir")
fallback=0
if [[ -z "$runtime" ]]; then
  runtime=${STRUN:-$repo/.build/release/strun}
  fallback=1
fi

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
rootfs=$dir/rootfs

rm -rf "$rootfs"
mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,etc,tmp,root}
chmod 1777 "$rootfs/tmp"
chmod 0700 "$rootfs/root"
cp "$busybox" "$rootfs/bin/busybox"

# The equivalent of `busybox --install -s`, made from the host so that it
# does not depend on running anything inside the rootfs. Batched through
# xargs: a fork per applet from bash took seconds per bundle.
"$busybox" --list-full | grep -v '^bin/busybox$' >"$dir/.applets"
(
  cd "$rootfs"
  sed -n 's#/[^/]*$##p' "$dir/.applets" | sort -u | xargs mkdir -p
  xargs -n 64 sh -c 'for a; do ln -sf /bin/busybox "$a"; done' sh <"$dir/.applets"
)
rm -f "$dir/.applets"

cat >"$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:1000:1000:nobody:/nonexistent:/bin/false
PASSWD
cat >"$rootfs/etc/group" <<'GROUP'
root:x:0:
nobody:x:1000:
GROUP
: >"$rootfs/etc/hosts"
: >"$rootfs/etc/resolv.conf"

# config.json from the runtime's own template.
spec_from() {
  local rt=$1
  rm -f "$dir/config.json"
  (cd "$dir" && "$rt" spec) >/dev/null 2>&1 && jq -e .ociVersion "$dir/config.json" >/dev/null 2>&1
}

if ! spec_from "$runtime"; then
  if ((fallback)) && command -v runc >/dev/null 2>&1; then
    echo "mkbundle: $runtime cannot write a spec; using runc spec" >&2
    runtime=runc
    spec_from runc || { echo "mkbundle: runc spec failed" >&2; exit 1; }
  else
    echo "mkbundle: $runtime spec failed in $dir" >&2
    exit 1
  fi
fi

args_json=$(jq -nc '$ARGS.positional' --args -- "${args[@]}")
tmp=$(mktemp "$dir/config.json.XXXXXX")
jq --argjson args "$args_json" '.process.terminal = false | .process.args = $args' \
  "$dir/config.json" >"$tmp"
mv "$tmp" "$dir/config.json"
chmod 0644 "$dir/config.json"

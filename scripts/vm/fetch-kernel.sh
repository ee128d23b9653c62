#!/usr/bin/env bash
# Fetch the cgroup-v2 guest's kernel into the cache (run by `scripts/setup.sh vm`).
#
#   scripts/vm/fetch-kernel.sh
#
# `apt-get download`s Debian's kernel package (~70 MB; V2_GUEST_KERNEL_PKG, default what
# linux-image-amd64 depends on) and keeps only vmlinuz (plus its uncompressed vmlinux for
# a PVH boot) and the few modules the initramfs needs (9p, virtio, overlay) under
# V2_GUEST_CACHE (default REPO/.cache/vm)/kernel/PKG. Does nothing when a kernel is
# cached; `rm -rf .cache/vm` picks up a newer one. V2_GUEST_APT_GET is the apt-get
# command line to use (setup.sh passes its own, which waits for the dpkg lock).
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$script_dir/../.." && pwd)
cache=${V2_GUEST_CACHE:-$repo/.cache/vm}
modules_wanted=(virtio_pci 9pnet_virtio 9p overlay)
apt_get=${V2_GUEST_APT_GET:-apt-get -qq}

say() { echo "fetch-kernel: $*" >&2; }
die() { say "error: $*"; exit 1; }

command -v dpkg-deb >/dev/null || die "dpkg-deb not found (a Debian host is assumed)"

# fetch_kernel PKG DIR: DIR/vmlinuz, DIR/modules/*.ko and DIR/modules.order
# (the wanted modules and their dependencies, dependencies first).
fetch_kernel() {
  local pkg=$1 dir=$2 tmp
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/fetch.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" RETURN
  say "downloading $pkg"
  (cd "$tmp" && $apt_get -o APT::Sandbox::User=root download "$pkg" </dev/null >&2) ||
    die "apt-get download $pkg failed"
  mkdir "$tmp/x" "$tmp/out" "$tmp/out/modules"
  dpkg-deb --fsys-tarfile "$tmp"/*.deb |
    tar -x -C "$tmp/x" --wildcards './boot/vmlinuz-*' './lib/modules/*/modules.builtin' \
      './lib/modules/*/kernel/*' || die "unpacking $pkg failed"
  local kdir
  kdir=$(echo "$tmp"/x/lib/modules/*)
  [[ -d $kdir/kernel ]] || die "$pkg has no /lib/modules/VERSION/kernel"
  cp "$tmp"/x/boot/vmlinuz-* "$tmp/out/vmlinuz"
  # The uncompressed ELF inside the bzImage: qemu boots it through its PVH
  # entry, which skips the real-mode setup and the decompressor (12 s under
  # TCG). Debian's 6.1 payload is xz; without one, vmlinuz is booted.
  local off
  off=$(LC_ALL=C grep -obaP '\xfd7zXZ\x00' "$tmp/out/vmlinuz" | head -n1 | cut -d: -f1)
  if [[ -n $off ]] && tail -c +$((off + 1)) "$tmp/out/vmlinuz" | xz -dc >"$tmp/out/vmlinux" 2>/dev/null ||
    [[ -s $tmp/out/vmlinux ]]; then
    [[ "$(head -c 4 "$tmp/out/vmlinux")" == $'\x7fELF' ]] || rm -f "$tmp/out/vmlinux"
  else
    rm -f "$tmp/out/vmlinux"
  fi

  # Dependencies from each .ko's .modinfo "depends=" (the package ships no
  # modules.dep, depmod runs at install time). Depth first, dependencies first.
  local -A done=()
  local order=()
  add_module() {
    local name=$1 ko dep
    [[ -z ${done[$name]:-} ]] || return 0
    done[$name]=1
    ko=$(find "$kdir/kernel" -name "$name.ko" -print -quit)
    if [[ -z $ko ]]; then
      ko=$(find "$kdir/kernel" -name "${name//_/-}.ko" -print -quit)
    fi
    if [[ -z $ko ]]; then
      grep -Eq "/(${name}|${name//_/-})\.ko\$" "$kdir/modules.builtin" && return 0
      die "module $name is neither in $pkg nor built in"
    fi
    [[ $ko == *.ko ]] || die "$ko: compressed modules are not handled"
    for dep in $(tr '\0' '\n' <"$ko" | sed -n 's/^depends=//p' | tr ',' ' '); do
      add_module "$dep"
    done
    cp "$ko" "$tmp/out/modules/$name.ko"
    order+=("$name")
  }
  local m
  for m in "${modules_wanted[@]}"; do add_module "$m"; done
  printf '%s\n' "${order[@]}" >"$tmp/out/modules.order"
  echo "$pkg" >"$tmp/out/package"
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  mv "$tmp/out" "$dir"
  say "kernel cached in $dir (modules: ${order[*]})"
}

# cached_kernel: the directory of the kernel to use (V2_GUEST_KERNEL_PKG's, else the
# last cached one), empty when none is complete. `--cached` prints it (v2-guest.sh).
cached_kernel() {
  local dir= d
  if [[ -n ${V2_GUEST_KERNEL_PKG:-} ]]; then
    dir=$cache/kernel/$V2_GUEST_KERNEL_PKG
  else
    for d in "$cache"/kernel/*/; do
      [[ -f $d/vmlinuz && -f $d/modules.order ]] && dir=${d%/}
    done
  fi
  [[ -n $dir && -f $dir/vmlinuz && -f $dir/modules.order ]] && echo "$dir"
  return 0
}
if [[ ${1:-} == --cached ]]; then
  cached_kernel
  exit 0
fi

kernel_dir=$(cached_kernel)
if [[ -z $kernel_dir || ! -f $kernel_dir/vmlinuz || ! -f $kernel_dir/modules.order ]]; then
  pkg=${V2_GUEST_KERNEL_PKG:-}
  if [[ -z $pkg ]]; then
    resolve() { apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}'; }
    pkg=$(resolve)
    if [[ -z $pkg ]]; then
      $apt_get update </dev/null >&2 || true
      pkg=$(resolve)
    fi
    [[ -n $pkg ]] || die "cannot tell which kernel linux-image-amd64 depends on (apt-cache)"
  fi
  kernel_dir=$cache/kernel/$pkg
  fetch_kernel "$pkg" "$kernel_dir"
fi
say "kernel: $kernel_dir"

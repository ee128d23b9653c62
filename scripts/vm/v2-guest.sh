#!/usr/bin/env bash
# Run a command inside a KVM guest whose only cgroup hierarchy is cgroup v2.
#
#   scripts/vm/v2-guest.sh [--] COMMAND [ARG...]
#
# Examples:
#   scripts/vm/v2-guest.sh -- bats tests/integration/lifecycle.bats
#   scripts/vm/v2-guest.sh -- cat /sys/fs/cgroup/cgroup.controllers
#   make test-v2                          # the cgroup suite, RUNTIME=.build/release/strun
#
# What the guest is: qemu-system-x86_64 (KVM, or TCG where KVM cannot boot it) with Debian's kernel
# (linux-image-amd64's current 6.1 package), booted with cgroup_no_v1=all, so
# /sys/fs/cgroup is a single cgroup2 mount (nsdelegate, memory_recursiveprot;
# every controller enabled in the root's cgroup.subtree_control, as systemd
# does). The host's / is shared read-only over 9p and is the lower layer of an
# overlay with a tmpfs upper layer: every host path (the repo, bats, jq, runc,
# the built strun) is at the same place in the guest, the guest can write
# anywhere, and nothing reaches the host. /tmp, /var/tmp and /run are fresh
# tmpfs. No network device (loopback only), no swap.
#
# The command runs as root in the guest's root cgroup, in the current
# directory, with stdin from /dev/null and stdout+stderr a pipe that is
# streamed here. Its environment is PATH, HOME=/root, TERM=dumb, LANG=C.UTF-8
# plus, when set here: CI, RUNTIME, STRUN and every STRATA_* and BATS_*
# variable (and the names listed in V2_GUEST_ENV). The script exits with the
# command's status; 125 when the guest could not run it, 124 on timeout.
#
# Settings (environment):
#   V2_GUEST_TIMEOUT      seconds before qemu is killed (default 1200)
#   V2_GUEST_MEM          guest memory (default 2G)
#   V2_GUEST_CPUS         guest vCPUs (default: the host's count, at most 4)
#   V2_GUEST_ENV          more variable names to pass through, space-separated
#   V2_GUEST_ACCEL        auto (default: KVM unless the host's KVM is kvm-pvm),
#                         kvm or tcg
#   V2_GUEST_DEBUG=1      kernel messages on the console (no `quiet`)
#   V2_GUEST_CACHE        where the kernel is kept (default REPO/.cache/vm)
#   V2_GUEST_KERNEL_PKG   the Debian kernel package (default: what
#                         linux-image-amd64 depends on, at the first run)
#
# First run: installs qemu-system-x86 and busybox-static with apt-get when
# missing, then `apt-get download`s the kernel package (~70 MB) and keeps only
# vmlinuz and the few modules the initramfs needs (9p, virtio, overlay) under
# the cache; `rm -rf .cache/vm` to pick up a newer kernel. The initramfs
# (static busybox, those modules, scripts/vm/guest-init as /init and the job
# script) is rebuilt on every run, in well under a second. Timings go to
# stderr at the end: boot to command, command, total.
set -euo pipefail

t_start=$EPOCHREALTIME
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$script_dir/../.." && pwd)

say() { echo "v2-guest: $*" >&2; }
die() { say "error: $*"; exit 125; }

usage() { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -gt 0 && "${1:-}" == "--" ]] && shift
[[ $# -gt 0 ]] || usage
case "$1" in -h | --help) usage ;; esac

timeout_s=${V2_GUEST_TIMEOUT:-1200}
mem=${V2_GUEST_MEM:-2G}
cpus=${V2_GUEST_CPUS:-$(nproc)}
((cpus <= 4)) || cpus=4
cache=${V2_GUEST_CACHE:-$repo/.cache/vm}
busybox=/bin/busybox
modules_wanted=(virtio_pci 9pnet_virtio 9p overlay)

# --- host tools --------------------------------------------------------------

sudo=()
((EUID == 0)) || sudo=(sudo -n)

apt_install() {
  say "installing $*"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" </dev/null >&2 || {
    "${sudo[@]}" apt-get update -qq </dev/null >&2
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" </dev/null >&2
  } || die "apt-get install $* failed"
}

missing=()
command -v qemu-system-x86_64 >/dev/null || missing+=(qemu-system-x86)
if [[ ! -x $busybox ]] || LC_ALL=C grep -qa '/lib64/ld-linux' "$busybox"; then
  missing+=(busybox-static)
fi
command -v dpkg-deb >/dev/null || die "dpkg-deb not found (a Debian host is assumed)"
((${#missing[@]} == 0)) || apt_install "${missing[@]}"


# --- kernel and modules (cached) ---------------------------------------------

# fetch_kernel PKG DIR: DIR/vmlinuz, DIR/modules/*.ko and DIR/modules.order
# (the wanted modules and their dependencies, dependencies first).
fetch_kernel() {
  local pkg=$1 dir=$2 tmp
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/fetch.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" RETURN
  say "downloading $pkg"
  (cd "$tmp" && apt-get -qq -o APT::Sandbox::User=root download "$pkg" </dev/null >&2) ||
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

kernel_dir=
if [[ -n ${V2_GUEST_KERNEL_PKG:-} ]]; then
  kernel_dir=$cache/kernel/$V2_GUEST_KERNEL_PKG
else
  # The newest cached kernel, if any: no apt traffic once cached.
  for d in "$cache"/kernel/*/; do
    [[ -f $d/vmlinuz && -f $d/modules.order ]] && kernel_dir=${d%/}
  done
fi
if [[ -z $kernel_dir || ! -f $kernel_dir/vmlinuz || ! -f $kernel_dir/modules.order ]]; then
  pkg=${V2_GUEST_KERNEL_PKG:-}
  if [[ -z $pkg ]]; then
    resolve() { apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}'; }
    pkg=$(resolve)
    if [[ -z $pkg ]]; then
      "${sudo[@]}" apt-get update -qq </dev/null >&2 || true
      pkg=$(resolve)
    fi
    [[ -n $pkg ]] || die "cannot tell which kernel linux-image-amd64 depends on (apt-cache)"
  fi
  kernel_dir=$cache/kernel/$pkg
  fetch_kernel "$pkg" "$kernel_dir"
fi

# --- the job and the initramfs (per run) -------------------------------------

mkdir -p "$cache"
run_dir=$(mktemp -d "$cache/run.XXXXXX")
qemu_pid=
cleanup() {
  [[ -z $qemu_pid ]] || kill "$qemu_pid" 2>/dev/null || true
  rm -rf "$run_dir"
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

stage=$run_dir/initramfs
mkdir -p "$stage/bin" "$stage/modules"
cp "$busybox" "$stage/bin/busybox"
cp "$script_dir/guest-init" "$stage/init"
chmod 0755 "$stage/init"
cp "$kernel_dir"/modules/*.ko "$stage/modules/"
cp "$kernel_dir/modules.order" "$stage/modules.order"

nonce=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
{
  echo "# written by scripts/vm/v2-guest.sh"
  printf 'cd -- %q || exit 125\n' "$PWD"
  echo 'export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  echo 'export HOME=/root TERM=dumb LANG=C.UTF-8'
  # shellcheck disable=SC2206
  names=(CI RUNTIME STRUN ${V2_GUEST_ENV:-})
  while IFS= read -r n; do names+=("$n"); done < <(compgen -e | grep -E '^(STRATA|BATS)_' || true)
  for n in "${names[@]}"; do
    [[ -n ${!n+set} ]] && printf 'export %s=%q\n' "$n" "${!n}"
  done
  printf 'exec'
  printf ' %q' "$@"
  printf '\n'
} >"$stage/job"
echo "$nonce" >"$stage/nonce"
echo "$PWD" >"$stage/jobdir"
(cd "$stage" && find . | LC_ALL=C sort | "$busybox" cpio -o -H newc 2>/dev/null) >"$run_dir/initramfs.cpio" ||
  die "building the initramfs failed"

# --- boot ----------------------------------------------------------------------

cmdline="console=ttyS0 panic=-1 cgroup_no_v1=all systemd.unified_cgroup_hierarchy=1"
cmdline+=" 8250.nr_uarts=1 i8042.noaux i8042.nokbd i8042.nopnp tsc=reliable no_timer_check"
if [[ ${V2_GUEST_DEBUG:-0} == 1 ]]; then
  cmdline+=" strata.debug=1"
else
  cmdline+=" quiet loglevel=4"
fi

secs_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", b - a }'; }

# auto: KVM, unless /dev/kvm is served by kvm-pvm (a nested "pagetable VM"
# hypervisor, as on these sandbox machines): PVM runs only guest kernels
# built for it, and Debian's stock kernel dies at its first instruction
# there ("kvm-pvm: INTERNAL_ERROR in batch emul" in the host's dmesg, no
# output on the guest's console). Then the guest runs under TCG, qemu's
# multi-threaded emulator: about 6 s to boot, containers a few times slower.
accel_mode=${V2_GUEST_ACCEL:-auto}
if [[ $accel_mode == auto ]]; then
  accel_mode=kvm
  if [[ -d /sys/module/kvm_pvm ]]; then
    accel_mode=tcg
    say "/dev/kvm is kvm-pvm, which cannot run a stock kernel: using TCG (V2_GUEST_ACCEL=kvm to force)"
  fi
fi
case "$accel_mode" in
  kvm)
    [[ -c /dev/kvm ]] || die "/dev/kvm does not exist (V2_GUEST_ACCEL=tcg runs without it)"
    [[ -r /dev/kvm && -w /dev/kvm ]] || die "/dev/kvm is not read-writable for $(id -un)"
    accel=(-enable-kvm -cpu host)
    ;;
  tcg) accel=(-accel tcg,thread=multi -cpu max) ;;
  *) die "V2_GUEST_ACCEL must be auto, kvm or tcg" ;;
esac
kernel_image=$kernel_dir/vmlinuz
[[ ! -f $kernel_dir/vmlinux ]] || kernel_image=$kernel_dir/vmlinux
qemu=(
  qemu-system-x86_64 "${accel[@]}" -m "$mem" -smp "$cpus"
  -nodefaults -no-user-config -display none -no-reboot
  -chardev stdio,id=con,signal=on -serial chardev:con
  -kernel "$kernel_image" -initrd "$run_dir/initramfs.cpio" -append "$cmdline"
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap
)
[[ ${V2_GUEST_DEBUG:-0} != 1 ]] || say "${qemu[*]}"

# A TCG boot very rarely stalls before the guest's init speaks (seen once in a dozen CI
# runs): a guest that is not ready within V2_GUEST_BOOT_TIMEOUT seconds is killed and
# booted again, up to V2_GUEST_BOOT_TRIES times.
boot_timeout=${V2_GUEST_BOOT_TIMEOUT:-120}
boot_tries=${V2_GUEST_BOOT_TRIES:-3}
for ((try = 1; try <= boot_tries; try++)); do
  t_boot=$EPOCHREALTIME
  rc=
  t_ready=
  stalled=
  exec {out}< <(exec timeout -k 10 "$timeout_s" "${qemu[@]}" </dev/null 2>&1)
  qemu_pid=$!
  while true; do
    read_rc=0
    IFS= read -r -t 5 part <&$out || read_rc=$?
    line+=$part
    if ((read_rc != 0)); then
      if ((read_rc > 128)); then
        # (a timed-out read keeps its partial line in $line for the next read)
        # No line for 5 s: fine once the command runs, a stall before that.
        if [[ -z $t_ready ]] && (($(secs_since "$t_boot") > boot_timeout)); then
          stalled=1
          break
        fi
        continue
      fi
      [[ -n $line ]] || break
    fi
    line=${line%$'\r'}
    case "$line" in
      *"@@strata-v2-guest-exit rc="*" nonce=$nonce@@"*)
        rc=${line#*@@strata-v2-guest-exit rc=}
        rc=${rc%% *}
        ;;
      "strata-v2-guest: ready"*)
        t_ready=$EPOCHREALTIME
        say "${line#strata-v2-guest: }"
        ;;
      "strata-v2-guest: "*) say "${line#strata-v2-guest: }" ;;
      *"] reboot: Power down") ;;
      *) printf '%s\n' "$line" ;;
    esac
    line=
  done
  if [[ -n $stalled ]]; then
    say "the guest was not ready after ${boot_timeout}s (try $try of $boot_tries): killing it"
    kill "$qemu_pid" 2>/dev/null || true
  fi
  exec {out}<&-
  qemu_rc=0
  wait "$qemu_pid" || qemu_rc=$?
  qemu_pid=
  [[ -n $stalled ]] || break
done
t_end=$EPOCHREALTIME

secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
if [[ -n $t_ready ]]; then
  say "times: setup $(secs "$t_start" "$t_boot")s, boot to command $(secs "$t_boot" "$t_ready")s," \
    "command $(secs "$t_ready" "$t_end")s, total $(secs "$t_start" "$t_end")s"
fi
if [[ -z $rc ]]; then
  if ((qemu_rc == 124 || qemu_rc == 137)); then
    say "error: timed out after ${timeout_s}s (V2_GUEST_TIMEOUT); qemu killed"
    exit 124
  fi
  die "the guest stopped without reporting an exit status (qemu exit status $qemu_rc)"
fi
[[ $rc =~ ^[0-9]+$ ]] || die "bad exit status from the guest: '$rc'"
exit "$rc"

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
# Nothing is installed here: `scripts/setup.sh vm` installs qemu-system-x86 and
# busybox-static and fetches the kernel into the cache (scripts/vm/fetch-kernel.sh);
# this script stops with that advice when one is missing. The initramfs
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

# --- host tools and kernel: installed by scripts/setup.sh vm ---------------------

command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 not found: run scripts/setup.sh vm"
if [[ ! -x $busybox ]] || LC_ALL=C grep -qa '/lib64/ld-linux' "$busybox"; then
  die "$busybox is not a static busybox: run scripts/setup.sh vm"
fi

kernel_dir=$(V2_GUEST_CACHE=$cache "$script_dir/fetch-kernel.sh" --cached)
if [[ -z $kernel_dir ]]; then
  die "no guest kernel under $cache/kernel: run scripts/setup.sh vm"
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

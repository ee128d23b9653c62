# Helpers for stats.bats and metrics.bats: the `strata` binary and containers
# that load one resource. Loaded after helpers.bash.

# helpers.bash's setup_file (the bundle template), plus the strata binary.
setup_file() {
  resolve_runtime
  resolve_strata
  local spec_runtime
  spec_runtime=$(command -v runc || echo "$RUNTIME")
  export TEMPLATE=$BATS_FILE_TMPDIR/template
  "$REPO_ROOT/scripts/mkbundle.sh" "$TEMPLATE" "$spec_runtime" -- sh >/dev/null
}

# The strata under test: $STRATA, else the release build, else the debug one.
resolve_strata() {
  if [[ -z "${STRATA:-}" ]]; then
    STRATA=$REPO_ROOT/.build/release/strata
    [[ -x "$STRATA" ]] || STRATA=$REPO_ROOT/.build/debug/strata
  fi
  [[ -x "$STRATA" ]] || {
    echo "strata not found: build it (swift build --product strata) or set STRATA" >&2
    return 1
  }
  export STRATA
}

# st ARGS...: strata listing this test's --root with the runtime under test.
st() {
  "$STRATA" "$@" --root "$ROOT" --runtime "$RUNTIME"
}

# start_with ID SH-SCRIPT [JQ-RESOURCES]: run a detached container under this
# test's root with optional linux.resources, and wait until it runs.
start_with() {
  local id=$1 script=$2 resources=${3:-'{}'}
  cfg '.linux.resources = ((.linux.resources // {}) * $r)' --argjson r "$resources"
  set_args sh -c "$script"
  start_bg "$id"
}

# json_of ID: the line of `strata stats --format json --no-stream` for ID.
json_of() {
  st stats --no-stream --format json --interval "${INTERVAL:-1}" | jq -c "select(.id == \"$1\")"
}

# free_port: a TCP port nothing listens on (the kernel's pick, released again).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# throttled_read_file MIB BYTES-PER-SECOND: write /data (MIB MiB) into the
# bundle's rootfs from the host, drop just that file from the page cache (so the
# container's read of it reaches the disk and is charged to its cgroup), and
# throttle the container's reads from that disk. A throttle is needed on v1:
# recent kernels count blkio.throttle.* bytes only for groups with a rule.
# Skips when the rootfs is not on a block device (tmpfs, overlay, 9p).
throttled_read_file() {
  local mib=$1 rate=$2 dev
  dd if=/dev/urandom of="$BUNDLE/rootfs/data" bs=1M count="$mib" 2>/dev/null
  sync
  python3 -c 'import os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' \
    "$BUNDLE/rootfs/data"
  dev=$(stat -c '%Hd:%Ld' "$BUNDLE/rootfs/data")
  [[ -e "/sys/dev/block/$dev" ]] || skip "the rootfs is not on a block device ($dev)"
  # Throttles apply to whole disks: a partition's parent holds them.
  if [[ -e "/sys/dev/block/$dev/partition" ]]; then
    dev=$(cat "/sys/dev/block/$dev/../dev")
  fi
  cfg '.linux.resources.blockIO = {"throttleReadBpsDevice": [{"major": $ma, "minor": $mi, "rate": $r}]}' \
    --argjson ma "${dev%:*}" --argjson mi "${dev#*:}" --argjson r "$rate"
}

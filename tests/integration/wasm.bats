#!/usr/bin/env bats
# The Wasm handler: a WASI preview1 module run by strun's init with WasmKit, inside
# the container's namespaces, cgroup and seccomp filter. The modules are WAT sources
# in tests/wasm; the suite also builds binary .wasm copies with wabt's wat2wasm, so
# both forms are run. runc has no Wasm handler: every test is strun-only.

load helpers

setup_file() {
  resolve_runtime
  is_strun || return 0
  command -v wat2wasm >/dev/null || fail "wabt's wat2wasm is needed to build the test modules (scripts/setup.sh installs it)"
  local spec_runtime
  spec_runtime=$(command -v runc || echo "$RUNTIME")
  export TEMPLATE=$BATS_FILE_TMPDIR/template
  "$REPO_ROOT/scripts/mkbundle.sh" "$TEMPLATE" "$spec_runtime" -- sh >/dev/null
  mkdir -p "$TEMPLATE/rootfs/wasm"
  local src
  for src in "$REPO_ROOT"/tests/wasm/*.wat; do
    cp "$src" "$TEMPLATE/rootfs/wasm/"
    # --debug-names keeps the function names, so a trap can be reported by name.
    wat2wasm --debug-names -o "$TEMPLATE/rootfs/wasm/$(basename "${src%.wat}").wasm" "$src"
  done
}

# Every test is skipped for another runtime, then gets the shared setup.
eval "helpers_$(declare -f setup)"
setup() {
  skip_unless_strun "runc has no Wasm handler"
  helpers_setup
}

# wasm_handler: the annotation containerd, Podman and CRI-O pass for a Wasm image.
wasm_handler() {
  cfg '.annotations["run.oci.handler"] = "wasm"'
}

# run_wasm ARG...: `run` the bundle in the foreground with process.args = ARG...;
# $status, $output (stdout) and $stderr as bats' run --separate-stderr sets them.
run_wasm() {
  set_args "$@"
  run --separate-stderr "$RUNTIME" --root "$ROOT" run -b "$BUNDLE" "$CID" </dev/null
}

@test "wasm: hello world from a WAT module, run through the annotation" {
  wasm_handler
  run_wasm /wasm/hello.wat
  [ "$status" -eq 0 ] || fail "status $status: $output / $stderr"
  [ "$output" = "hello from wasm" ] || fail "output: $output"
  assert_no_leaks "$CID"
}

@test "wasm: a binary module is recognised by its \\0asm magic, without any annotation" {
  chmod 0755 "$BUNDLE/rootfs/wasm/hello.wasm"
  run_wasm /wasm/hello.wasm
  [ "$status" -eq 0 ] || fail "status $status: $output / $stderr"
  [ "$output" = "hello from wasm" ] || fail "output: $output"
}

@test "wasm: wasm-smart runs a .wasm entrypoint as Wasm and anything else natively; a sandbox container never" {
  cfg '.annotations["run.oci.handler"] = "wasm-smart"'
  run_wasm /wasm/hello.wasm
  [ "$status" -eq 0 ] && [ "$output" = "hello from wasm" ] || fail "smart wasm: $status $output / $stderr"
  set_args echo native
  run --separate-stderr rt run -b "$BUNDLE" "$(new_id)" </dev/null
  [ "$status" -eq 0 ] && [ "$output" = "native" ] || fail "smart native: $status $output / $stderr"
  # A pause container with a handler annotation inherited from its pod stays native.
  cfg '.annotations["run.oci.handler"] = "wasm" | .annotations["io.kubernetes.cri.container-type"] = "sandbox"'
  run --separate-stderr rt run -b "$BUNDLE" "$(new_id)" </dev/null
  [ "$status" -eq 0 ] && [ "$output" = "native" ] || fail "sandbox: $status $output / $stderr"
}

@test "wasm: args come from process.args (argv[0] is the module path) and env from process.env" {
  cfg '.annotations["module.wasm.image/variant"] = "compat" | .process.env = ["PATH=/bin", "GREETING=hi there"]'
  run_wasm /wasm/args.wasm one "two words"
  [ "$status" -eq 0 ] || fail "status $status: $output / $stderr"
  assert_output_has '^arg:/wasm/args.wasm$'
  assert_output_has '^arg:one$'
  assert_output_has '^arg:two words$'
  assert_output_has '^env:GREETING=hi there$'
  assert_output_has '^env:PATH=/bin$'
  # HOME is added from the image's passwd, as for a native process.
  assert_output_has '^env:HOME=/root$'
}

@test "wasm: files are read and written in the rootfs and in a bind mount" {
  wasm_handler
  echo "contents from the image" >"$BUNDLE/rootfs/etc/wasm-in.txt"
  cfg '.root.readonly = false | .mounts += [{"destination": "/mnt", "type": "bind", "source": $src, "options": ["rbind", "rw"]}]' \
    --arg src "$HOSTDIR"
  run_wasm /wasm/files.wat
  [ "$status" -eq 0 ] || fail "status $status: $output / $stderr"
  [ "$output" = "contents from the image" ] || fail "stdout: $output"
  [ "$(cat "$BUNDLE/rootfs/wasm-out.txt")" = "contents from the image" ] || fail "not written in the rootfs"
  [ "$(cat "$HOSTDIR/wasm-out.txt")" = "contents from the image" ] || fail "not written through the bind mount"
}

@test "wasm: the root is preopened as /, then the mounted directories; not /proc, /dev or /sys" {
  wasm_handler
  cfg '.mounts += [{"destination": "/mnt", "type": "bind", "source": $src, "options": ["rbind", "ro"]},
                   {"destination": "/scratch", "type": "tmpfs", "source": "tmpfs"}]' --arg src "$HOSTDIR"
  run_wasm /wasm/preopens.wat
  [ "$status" -eq 0 ] || fail "status $status: $output / $stderr"
  [ "$output" = "$(printf 'preopen:/\npreopen:/mnt\npreopen:/scratch')" ] || fail "preopens: $output"
}

@test "wasm: clocks and random come from the host" {
  wasm_handler
  run_wasm /wasm/clock.wasm
  [ "$status" -eq 0 ] || fail "status $status (3: random_get repeated itself): $output / $stderr"
  local now
  now=$(date +%s)
  ((output <= now && output >= now - 10)) || fail "wall clock $output, host $now"
}

@test "wasm: a readonly root is read-only for the module too" {
  wasm_handler
  cfg '.root.readonly = true'
  run_wasm /wasm/mkdir.wasm
  # WASI errno 69 is EROFS.
  [ "$status" -eq 69 ] || fail "status $status: $output / $stderr"
  [ ! -e "$BUNDLE/rootfs/wasm-made" ] || fail "directory made on a read-only root"
}

@test "wasm: proc_exit's code is the exit status of run, and state/delete see it stop" {
  wasm_handler
  set_args /wasm/exit.wat
  run rt run -b "$BUNDLE" "$CID" </dev/null
  [ "$status" -eq 42 ] || fail "status $status: $output"
  # create/start/state as containerd drives it
  local id2
  id2=$(new_id)
  rt create -b "$BUNDLE" "$id2" </dev/null
  [ "$(state_field "$id2" .status)" = created ]
  rt start "$id2"
  wait_status "$id2" stopped
  rt delete "$id2"
  assert_no_leaks "$id2"
}

@test "wasm: a trap is reported naming the trap and the function, with status 134" {
  wasm_handler
  run_wasm /wasm/trap.wasm
  [ "$status" -eq 134 ] || fail "status $status: $output / $stderr"
  grep -qF "wasm module /wasm/trap.wasm trapped: unreachable, in function boom" <<<"$stderr" ||
    fail "stderr: $stderr"
  assert_no_leaks "$CID"
}

@test "wasm: an unsupported import fails create, naming the module and the import, and leaves nothing" {
  wasm_handler
  set_args /wasm/badimport.wasm
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "load wasm module /wasm/badimport.wasm: unsupported import env\.launch_missiles \(function\)"
  assert_no_leaks "$CID"
}

@test "wasm: a file that is neither Wasm nor WAT fails create naming it; a missing module too" {
  wasm_handler
  echo "just text" >"$BUNDLE/rootfs/wasm/junk.wasm"
  set_args /wasm/junk.wasm
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "load wasm module /wasm/junk\.wasm: neither a binary module nor valid WAT"
  assert_no_leaks "$CID"
  set_args /wasm/missing.wasm
  run rt create -b "$BUNDLE" "$CID" </dev/null
  assert_failed_with "/wasm/missing\.wasm"
  assert_no_leaks "$CID"
}

@test "wasm: a module that grows past the cgroup memory limit is stopped, not the host" {
  wasm_handler
  cfg '.linux.resources.memory = {"limit": 33554432, "swap": 33554432}'
  run_wasm /wasm/grow.wasm
  # The kernel's OOM killer ends the init: SIGKILL, 128 + 9.
  [ "$status" -eq 137 ] || fail "status $status: $output / $stderr"
  [[ "$output" != *grown* ]] || fail "the module grew past the limit"
  assert_no_leaks "$CID"
  # Without the limit the same module gets its gigabyte (the limit was what stopped it).
  cfg 'del(.linux.resources.memory)'
  run --separate-stderr rt run -b "$BUNDLE" "$(new_id)" </dev/null
  [ "$status" -eq 0 ] && [ "$output" = grown ] || fail "unlimited: $status $output / $stderr"
}

@test "wasm: the seccomp filter applies to the module's WASI calls" {
  wasm_handler
  cfg '.root.readonly = false'
  cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64"],
        "syscalls": [{"names": ["mkdirat", "mkdir"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}'
  run_wasm /wasm/mkdir.wasm
  # WASI errno 63 is EPERM: the filter's answer reached the module.
  [ "$status" -eq 63 ] || fail "status $status: $output / $stderr"
  [ ! -e "$BUNDLE/rootfs/wasm-made" ] || fail "mkdir passed the filter"
  cfg 'del(.linux.seccomp)'
  run --separate-stderr rt run -b "$BUNDLE" "$(new_id)" </dev/null
  [ "$status" -eq 0 ] && [ -d "$BUNDLE/rootfs/wasm-made" ] || fail "without seccomp: $status $stderr"
}

@test "wasm: the module runs as the config's user with the config's capabilities" {
  wasm_handler
  cfg '.process.user = {"uid": 1000, "gid": 1000}'
  set_args /wasm/sleep.wat
  start_bg
  local pid
  pid=$(state_field "$CID" .pid)
  grep -qE '^Uid:\s+1000\s' "/proc/$pid/status" || fail "uid: $(grep Uid "/proc/$pid/status")"
  # runc spec's sets: AUDIT_WRITE, KILL, NET_BIND_SERVICE, kept for the non-root user as configured.
  local want
  want=$(cap_mask $(jq -r '.process.capabilities.effective[]' "$BUNDLE/config.json"))
  grep -qE "^CapEff:\s+$want\$" "/proc/$pid/status" || fail "caps (want $want): $(grep Cap "/proc/$pid/status")"
  grep -qE "^CapBnd:\s+$want\$" "/proc/$pid/status" || fail "bounding (want $want): $(grep Cap "/proc/$pid/status")"
  rt kill "$CID" KILL
  wait_status "$CID" stopped
}

@test "wasm: CVE-2019-5736: another process in the container cannot open /proc/<init>/exe (the host's strun)" {
  wasm_handler
  set_args /wasm/sleep.wasm
  start_bg
  # As root in the container with runc spec's capabilities (no CAP_SYS_PTRACE).
  run --separate-stderr rt exec "$CID" sh -c 'cat /proc/1/exe >/dev/null && echo OPENED; readlink /proc/1/exe || echo NOLINK'
  [[ "$output" != *OPENED* ]] || fail "the container opened the host's strun through /proc/1/exe"
  [[ "$output" == *NOLINK* ]] || fail "exec: $status $output / $stderr"
  grep -q "Permission denied" <<<"$stderr" || fail "stderr: $stderr"
  rt kill "$CID" KILL
  wait_status "$CID" stopped
}

@test "wasm: a tty is the module's stdio" {
  local sock=$TEST_DIR/console.sock out=$HOSTDIR/console.out
  python3 "$BATS_TEST_DIRNAME/recvtty.py" "$sock" "$out" &
  CLEANUP_PIDS+=($!)
  local recv=$!
  wait_for_socket "$sock"
  wasm_handler
  cfg '.process.terminal = true'
  set_args /wasm/hello.wat
  rt run -d --console-socket "$sock" -b "$BUNDLE" "$CID" </dev/null
  wait "$recv"
  grep -q '^hello from wasm' "$out" || fail "terminal: $(cat "$out")"
}

@test "wasm: features advertises the handler" {
  run rt features
  [ "$status" -eq 0 ]
  jq -e '.annotations["org.strata.wasm"] == "true" and .annotations["org.strata.wasm.engine"] == "wasmkit"
         and (.potentiallyUnsafeConfigAnnotations | index("run.oci.handler"))' <<<"$output" >/dev/null ||
    fail "features: $output"
}

@test "wasm: kill with SIGTERM ends a running module with 143, as it ends a process that does not handle it" {
  wasm_handler
  set_args /wasm/sleep.wat
  rt run -b "$BUNDLE" "$CID" </dev/null >/dev/null 2>&1 &
  local run_pid=$!
  CLEANUP_PIDS+=("$run_pid")
  wait_status "$CID" running
  rt kill "$CID" TERM
  local status=0
  wait "$run_pid" || status=$?
  [ "$status" -eq 143 ] || fail "run exited $status"
  assert_no_leaks "$CID"
}

@test "wasm: start returns while the module runs, and poststart hooks run then" {
  wasm_handler
  cfg '.hooks.poststart = [{"path": "/bin/sh", "args": ["sh", "-c", "cat >/dev/null; touch \($f)"]}]' \
    --arg f "$HOSTDIR/poststart-ran"
  set_args /wasm/sleep.wat
  rt create -b "$BUNDLE" "$CID" </dev/null
  timeout 10 "$RUNTIME" --root "$ROOT" start "$CID"
  [ -e "$HOSTDIR/poststart-ran" ] || fail "poststart did not run"
  [ "$(state_field "$CID" .status)" = running ]
  rt kill "$CID" KILL
  wait_status "$CID" stopped
  rt delete "$CID"
  assert_no_leaks "$CID"
}

;; Prints every argument, then every environment entry, one per line
;; ("arg:VALUE", "env:KEY=VALUE").
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (data (i32.const 64) "arg:")
  (data (i32.const 72) "env:")
  (data (i32.const 80) "\n")

  ;; write(ptr, len) to stdout through the iovec at 0
  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; prints count pointers at $ptrs, each behind the 4-byte prefix at $prefix
  (func $print_all (param $prefix i32) (param $count i32) (param $ptrs i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $s (i32.load (i32.add (local.get $ptrs) (i32.mul (local.get $i) (i32.const 4)))))
        (call $write (local.get $prefix) (i32.const 4))
        (call $write (local.get $s) (call $strlen (local.get $s)))
        (call $write (i32.const 80) (i32.const 1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  (func $main (export "_start")
    ;; counts at 16/20, pointer arrays at 1024, strings at 8192 (args) and 40000 (env)
    (drop (call $args_sizes_get (i32.const 16) (i32.const 20)))
    (drop (call $args_get (i32.const 1024) (i32.const 8192)))
    (call $print_all (i32.const 64) (i32.load (i32.const 16)) (i32.const 1024))
    (drop (call $environ_sizes_get (i32.const 16) (i32.const 20)))
    (drop (call $environ_get (i32.const 4096) (i32.const 40000)))
    (call $print_all (i32.const 72) (i32.load (i32.const 16)) (i32.const 4096))))

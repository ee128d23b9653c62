;; Prints the guest path of every preopened directory, one per line ("preopen:PATH"),
;; walking fds from 3 until fd_prestat_get fails.
(module
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $prestat_dir_name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "preopen:")
  (data (i32.const 80) "\n")

  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $main (export "_start")
    (local $fd i32) (local $len i32)
    (local.set $fd (i32.const 3))
    (block $done
      (loop $next
        ;; prestat at 16: { tag u8, name_len u32 at +4 }
        (br_if $done (call $prestat_get (local.get $fd) (i32.const 16)))
        (local.set $len (i32.load (i32.const 20)))
        (drop (call $prestat_dir_name (local.get $fd) (i32.const 1024) (local.get $len)))
        (call $write (i32.const 64) (i32.const 8))
        (call $write (i32.const 1024) (local.get $len))
        (call $write (i32.const 80) (i32.const 1))
        (local.set $fd (i32.add (local.get $fd) (i32.const 1)))
        (br $next)))))

;; Prints the host's wall clock in whole seconds (clock_time_get, realtime) and the
;; monotonic clock's difference over a 10 ms poll in ms; exits 3 if two 16-byte
;; random_get draws are equal (the host's generator would not do that).
(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)

  ;; prints n in decimal followed by a newline (digits built backwards from 200)
  (func $print_u64 (param $n i64)
    (local $p i32)
    (local.set $p (i32.const 200))
    (i32.store8 (local.get $p) (i32.const 10))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $n) (i64.const 10)))))
      (local.set $n (i64.div_u (local.get $n) (i64.const 10)))
      (br_if $digit (i64.ne (local.get $n) (i64.const 0))))
    (i32.store (i32.const 0) (local.get $p))
    (i32.store (i32.const 4) (i32.sub (i32.const 201) (local.get $p)))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $main (export "_start")
    (drop (call $clock (i32.const 0) (i64.const 1) (i32.const 16)))
    (call $print_u64 (i64.div_u (i64.load (i32.const 16)) (i64.const 1000000000)))
    (drop (call $random (i32.const 300) (i32.const 16)))
    (drop (call $random (i32.const 316) (i32.const 16)))
    (if (i32.and (i64.eq (i64.load (i32.const 300)) (i64.load (i32.const 316)))
                 (i64.eq (i64.load (i32.const 308)) (i64.load (i32.const 324))))
      (then (call $proc_exit (i32.const 3))))))

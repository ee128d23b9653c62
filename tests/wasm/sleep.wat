;; Sleeps 30 s in poll_oneoff (a relative monotonic-clock subscription), then exits 0.
(module
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func $main (export "_start")
    ;; subscription at 64 (48 bytes): userdata 0, tag 0 = clock, clock id 1 = monotonic,
    ;; timeout (ns) at +24, precision 0, flags 0 = relative
    (i32.store8 (i32.const 72) (i32.const 0))
    (i32.store (i32.const 80) (i32.const 1))
    (i64.store (i32.const 88) (i64.const 30000000000))
    (drop (call $poll (i32.const 64) (i32.const 256) (i32.const 1) (i32.const 0)))))

;; Through the "/" preopen (fd 3): reads etc/wasm-in.txt, copies it to stdout, to
;; wasm-out.txt in the root and to mnt/wasm-out.txt (a bind mount in the tests).
;; Exit status: 0, or 10 + the step that failed.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "etc/wasm-in.txt")
  (data (i32.const 120) "wasm-out.txt")
  (data (i32.const 140) "mnt/wasm-out.txt")

  (func $check (param $errno i32) (param $step i32)
    (if (local.get $errno) (then (call $proc_exit (i32.add (i32.const 10) (local.get $step))))))

  ;; opens path (ptr, len) under fd 3 with the given rights (2 = fd_read, 64 = fd_write);
  ;; oflags 9 = CREAT|TRUNC; returns the fd
  (func $open (param $ptr i32) (param $len i32) (param $oflags i32) (param $rights i64) (param $step i32) (result i32)
    (call $check
      (call $path_open (i32.const 3) (i32.const 0) (local.get $ptr) (local.get $len) (local.get $oflags)
        (local.get $rights) (i64.const 0) (i32.const 0) (i32.const 8))
      (local.get $step))
    (i32.load (i32.const 8)))

  ;; writes the buffer described by the iovec at 0 to fd
  (func $put (param $fd i32) (param $step i32)
    (call $check (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 12)) (local.get $step)))

  (func $main (export "_start")
    (local $in i32) (local $out i32)
    (local.set $in (call $open (i32.const 100) (i32.const 15) (i32.const 0) (i64.const 2) (i32.const 1)))
    ;; iovec at 0: { buf = 1024, len = 4096 }
    (i32.store (i32.const 0) (i32.const 1024))
    (i32.store (i32.const 4) (i32.const 4096))
    (call $check (call $fd_read (local.get $in) (i32.const 0) (i32.const 1) (i32.const 12)) (i32.const 2))
    (drop (call $fd_close (local.get $in)))
    (i32.store (i32.const 4) (i32.load (i32.const 12)))
    (call $put (i32.const 1) (i32.const 3))
    (local.set $out (call $open (i32.const 120) (i32.const 12) (i32.const 9) (i64.const 64) (i32.const 4)))
    (call $put (local.get $out) (i32.const 5))
    (drop (call $fd_close (local.get $out)))
    (local.set $out (call $open (i32.const 140) (i32.const 16) (i32.const 9) (i64.const 64) (i32.const 6)))
    (call $put (local.get $out) (i32.const 7))
    (drop (call $fd_close (local.get $out)))))

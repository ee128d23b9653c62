;; Grows its memory 64 KiB at a time up to 1 GiB, writing to every new page, so that
;; the pages are really charged to the cgroup. Prints "grown" if it ever gets there.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "grown\n")
  (func $main (export "_start")
    (local $page i32)
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (memory.size) (i32.const 16384)))
        (local.set $page (memory.grow (i32.const 1)))
        ;; memory.grow failing (-1) is the end too: the module traps below
        (if (i32.eq (local.get $page) (i32.const -1)) (then unreachable))
        (i64.store (i32.mul (local.get $page) (i32.const 65536)) (i64.const 1))
        (i64.store (i32.add (i32.mul (local.get $page) (i32.const 65536)) (i32.const 32768)) (i64.const 1))
        (br $more)))
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 6))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))

;; Creates the directory wasm-made under the "/" preopen and exits with the WASI errno
;; path_create_directory returned (0 on success; 63 is EPERM).
(module
  (import "wasi_snapshot_preview1" "path_create_directory"
    (func $mkdir (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "wasm-made")
  (func $main (export "_start")
    (call $proc_exit (call $mkdir (i32.const 3) (i32.const 16) (i32.const 9)))))

;; Imports a function no WASI host provides: instantiation must be refused at create.
(module
  (import "env" "launch_missiles" (func $launch (param i32) (result i32)))
  (memory (export "memory") 1)
  (func $main (export "_start")
    (drop (call $launch (i32.const 1)))))

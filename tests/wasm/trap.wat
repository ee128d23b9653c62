;; _start calls $boom, which executes `unreachable`: a trap the runtime must name.
(module
  (memory (export "memory") 1)
  (func $boom
    unreachable)
  (func $main (export "_start")
    (call $boom)))

/// Placeholder until the Wasm layer lands (issue 6).
public enum WasmHandler {}

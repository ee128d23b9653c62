// libFuzzer entry point for the config reader and validator (fuzz/run.sh builds it).
//
// Compiled in one module with Sources/StrataSpec/*.swift, so it reaches the same code strun
// runs on a bundle's config.json: decode, validate, and write back. Any trap (a failed
// precondition, an out-of-range index, an arithmetic overflow) or a sanitizer report is a
// finding. One property is checked besides "does not crash": a config this module accepted
// must decode again from the JSON it writes, since strun stores and re-reads it that way.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let input = UnsafeBufferPointer(start: data, count: size)
    let spec: Spec
    do {
        spec = try Spec.load(fromJSON: input)
    } catch {
        _ = error.description
        return 0
    }
    let problems = SpecValidator().problems(in: spec)
    for problem in problems { _ = problem.description }
    _ = spec.rootfsPath(bundle: "/bundle")
    let written = spec.jsonBytes(pretty: problems.count % 2 == 0)
    do {
        let again = try Spec.load(fromJSON: written)
        // The written form is canonical: writing the re-read config gives the same bytes.
        if again.jsonBytes() != spec.jsonBytes() {
            fatalError("config changed across a write and re-read")
        }
    } catch {
        fatalError("the config's own JSON does not decode: \(error.description)")
    }
    return 0
}

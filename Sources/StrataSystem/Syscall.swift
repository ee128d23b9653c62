#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs a libc call that returns -1 and sets errno on failure, retrying on EINTR.
/// Throws `StrataError.system(operation, object)` on any other failure.
///
/// Inlinable so that each caller gets a copy specialized for its integer type: unspecialized,
/// the first call in a process instantiates FixedWidthInteger's witness tables at run time
/// (measured: five page faults, ~20 µs, in the middle of `create`).
@discardableResult
@inlinable @inline(__always)
public func sys<T: FixedWidthInteger>(_ operation: String, _ object: String, _ call: () -> T) throws(StrataError) -> T {
    while true {
        let result = call()
        if result != -1 { return result }
        let code = currentErrno()
        if code == EINTR { continue }
        throw StrataError.system(operation, object, errno: code)
    }
}

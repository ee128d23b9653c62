#if canImport(Glibc)
import Glibc
#endif

/// close(2) for call sites where a name clash with a `close()` method would shadow it.
@inline(__always)
func closeFD(_ fd: Int32) {
    if fd >= 0 { _ = close(fd) }
}

/// Scratch memory on the calling thread's stack, for reading a file of a few kilobytes.
///
/// `withUnsafeTemporaryAllocation` moves anything over 1 KB to the heap unless the runtime
/// can prove the stack has room, and on this path it could not: the 16 KB "stack" buffers
/// were fresh heap pages, each a page fault (several microseconds in a VM). strun's create
/// has touched some 60 KB of stack below `main` by the time it reads its caches, so a
/// fixed-size buffer there costs no fault at all.
public enum StackScratch {
    /// The buffer's size.
    public static let byteCount = 16384

    /// `body` given 16 KB of zeroed stack memory, valid only during the call.
    @inlinable @inline(__always)
    public static func with<R>(_ body: (UnsafeMutableRawBufferPointer) -> R) -> R {
        var storage = InlineArray<16384, UInt8>(repeating: 0)
        var span = storage.mutableSpan
        return span.withUnsafeMutableBytes { body($0) }
    }
}

import CShim

/// Scratch memory on the calling thread's stack, for reading a file of a few kilobytes.
///
/// `withUnsafeTemporaryAllocation` moves anything over 1 KB to the heap unless the runtime
/// can prove the stack has room, and on strun's create path it could not: those buffers
/// were fresh heap pages, each a page fault (several microseconds in a VM). A Swift value
/// of fixed size on the stack is zero-filled first. So the memory comes from a C frame
/// (`strata_with_stack_scratch`): strun's create has touched some 60 KB of stack below
/// `main` by the time it reads its caches, and 16 KB there costs neither a fault nor a fill.
public enum StackScratch {
    /// The buffer's size.
    public static let byteCount = Int(STRATA_STACK_SCRATCH_BYTES)

    /// `body` given `byteCount` bytes of uninitialized stack memory, valid only during the call.
    public static func with(_ body: (UnsafeMutableRawBufferPointer) -> Void) {
        withoutActuallyEscaping(body) { body in
            var call = body
            withUnsafeMutablePointer(to: &call) { context in
                strata_with_stack_scratch({ context, buffer, size in
                    guard let context, let buffer else { return }
                    context.assumingMemoryBound(to: ((UnsafeMutableRawBufferPointer) -> Void).self)
                        .pointee(UnsafeMutableRawBufferPointer(start: buffer, count: size))
                }, context)
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

// Why this file exists: FlyingFox imports FoundationNetworking (for its proxy handler,
// which strata never uses), and FoundationNetworking needs libcurl. A fully static
// `strata` (`-static-executable`, the project's rule for release binaries) therefore
// needs a static libcurl, and Debian's libcurl.a depends on libraries Debian ships
// only as shared objects (GSS-API, LDAP, libssh2, nghttp2...). These definitions of
// the 23 curl functions FoundationNetworking references satisfy the static link, so no
// member of libcurl.a is pulled in. Each forwards to the real libcurl when the process
// has one loaded (a dynamic build: dlsym(RTLD_NEXT) finds it, so URLSession keeps
// working there) and fails the way curl reports a failed start otherwise.
//
// The variadic setopt/getinfo functions take exactly one argument after the option,
// always one machine word (a long, a pointer or a curl_off_t on 64-bit Linux), so they
// are forwarded with that fixed signature.

private let curlFailedInit: Int32 = 2   // CURLE_FAILED_INIT
private let curlmInternalError: Int32 = 4 // CURLM_INTERNAL_ERROR
private let curlueOutOfMemory: Int32 = 7 // CURLUE_OUT_OF_MEMORY

/// The next definition of `name` after this executable's: the real libcurl when loaded.
private func next<F>(_ name: String, as type: F.Type) -> F? {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), name) else { return nil }
    return unsafeBitCast(symbol, to: type)
}



@_cdecl("curl_global_init") public func curl_global_init(_ flags: Int) -> Int32 {
    next("curl_global_init", as: (@convention(c) (Int) -> Int32).self)?(flags) ?? curlFailedInit
}
@_cdecl("curl_version") public func curl_version() -> UnsafePointer<CChar>? {
    next("curl_version", as: (@convention(c) () -> UnsafePointer<CChar>?).self)?() ?? nil
}
@_cdecl("curl_version_info") public func curl_version_info(_ age: Int32) -> UnsafeRawPointer? {
    next("curl_version_info", as: (@convention(c) (Int32) -> UnsafeRawPointer?).self)?(age) ?? nil
}
@_cdecl("curl_free") public func curl_free(_ pointer: UnsafeMutableRawPointer?) {
    next("curl_free", as: (@convention(c) (UnsafeMutableRawPointer?) -> Void).self)?(pointer)
}
@_cdecl("curl_easy_init") public func curl_easy_init() -> OpaquePointer? {
    next("curl_easy_init", as: (@convention(c) () -> OpaquePointer?).self)?() ?? nil
}
@_cdecl("curl_easy_cleanup") public func curl_easy_cleanup(_ easy: OpaquePointer?) {
    next("curl_easy_cleanup", as: (@convention(c) (OpaquePointer?) -> Void).self)?(easy)
}
@_cdecl("curl_easy_setopt") public func curl_easy_setopt(_ easy: OpaquePointer?, _ option: Int32, _ value: Int) -> Int32 {
    next("curl_easy_setopt", as: (@convention(c) (OpaquePointer?, Int32, Int) -> Int32).self)?(easy, option, value) ?? curlFailedInit
}
@_cdecl("curl_easy_getinfo") public func curl_easy_getinfo(_ easy: OpaquePointer?, _ info: Int32, _ out: Int) -> Int32 {
    next("curl_easy_getinfo", as: (@convention(c) (OpaquePointer?, Int32, Int) -> Int32).self)?(easy, info, out) ?? curlFailedInit
}
@_cdecl("curl_easy_pause") public func curl_easy_pause(_ easy: OpaquePointer?, _ mask: Int32) -> Int32 {
    next("curl_easy_pause", as: (@convention(c) (OpaquePointer?, Int32) -> Int32).self)?(easy, mask) ?? curlFailedInit
}
@_cdecl("curl_easy_strerror") public func curl_easy_strerror(_ code: Int32) -> UnsafePointer<CChar>? {
    if let real = next("curl_easy_strerror", as: (@convention(c) (Int32) -> UnsafePointer<CChar>?).self) { return real(code) }
    return UnsafePointer(staticMessage)
}
@_cdecl("curl_multi_init") public func curl_multi_init() -> OpaquePointer? {
    next("curl_multi_init", as: (@convention(c) () -> OpaquePointer?).self)?() ?? nil
}
@_cdecl("curl_multi_cleanup") public func curl_multi_cleanup(_ multi: OpaquePointer?) -> Int32 {
    next("curl_multi_cleanup", as: (@convention(c) (OpaquePointer?) -> Int32).self)?(multi) ?? curlmInternalError
}
@_cdecl("curl_multi_setopt") public func curl_multi_setopt(_ multi: OpaquePointer?, _ option: Int32, _ value: Int) -> Int32 {
    next("curl_multi_setopt", as: (@convention(c) (OpaquePointer?, Int32, Int) -> Int32).self)?(multi, option, value) ?? curlmInternalError
}
@_cdecl("curl_multi_add_handle") public func curl_multi_add_handle(_ multi: OpaquePointer?, _ easy: OpaquePointer?) -> Int32 {
    next("curl_multi_add_handle", as: (@convention(c) (OpaquePointer?, OpaquePointer?) -> Int32).self)?(multi, easy) ?? curlmInternalError
}
@_cdecl("curl_multi_remove_handle") public func curl_multi_remove_handle(_ multi: OpaquePointer?, _ easy: OpaquePointer?) -> Int32 {
    next("curl_multi_remove_handle", as: (@convention(c) (OpaquePointer?, OpaquePointer?) -> Int32).self)?(multi, easy) ?? curlmInternalError
}
@_cdecl("curl_multi_assign") public func curl_multi_assign(_ multi: OpaquePointer?, _ socket: Int32, _ data: UnsafeMutableRawPointer?) -> Int32 {
    next("curl_multi_assign", as: (@convention(c) (OpaquePointer?, Int32, UnsafeMutableRawPointer?) -> Int32).self)?(multi, socket, data)
        ?? curlmInternalError
}
@_cdecl("curl_multi_info_read") public func curl_multi_info_read(_ multi: OpaquePointer?, _ left: UnsafeMutablePointer<Int32>?) -> UnsafeMutableRawPointer? {
    next("curl_multi_info_read", as: (@convention(c) (OpaquePointer?, UnsafeMutablePointer<Int32>?) -> UnsafeMutableRawPointer?).self)?(multi, left) ?? nil
}
@_cdecl("curl_multi_socket_action") public func curl_multi_socket_action(_ multi: OpaquePointer?, _ socket: Int32, _ mask: Int32,
                                                                          _ running: UnsafeMutablePointer<Int32>?) -> Int32 {
    next("curl_multi_socket_action", as: (@convention(c) (OpaquePointer?, Int32, Int32, UnsafeMutablePointer<Int32>?) -> Int32).self)?(
        multi, socket, mask, running) ?? curlmInternalError
}
@_cdecl("curl_slist_append") public func curl_slist_append(_ list: OpaquePointer?, _ text: UnsafePointer<CChar>?) -> OpaquePointer? {
    next("curl_slist_append", as: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?).self)?(list, text) ?? nil
}
@_cdecl("curl_slist_free_all") public func curl_slist_free_all(_ list: OpaquePointer?) {
    next("curl_slist_free_all", as: (@convention(c) (OpaquePointer?) -> Void).self)?(list)
}
@_cdecl("curl_url") public func curl_url() -> OpaquePointer? {
    next("curl_url", as: (@convention(c) () -> OpaquePointer?).self)?() ?? nil
}
@_cdecl("curl_url_get") public func curl_url_get(_ url: OpaquePointer?, _ part: Int32, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                                 _ flags: UInt32) -> Int32 {
    next("curl_url_get", as: (@convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UInt32) -> Int32).self)?(
        url, part, out, flags) ?? curlueOutOfMemory
}
@_cdecl("curl_url_set") public func curl_url_set(_ url: OpaquePointer?, _ part: Int32, _ text: UnsafePointer<CChar>?, _ flags: UInt32) -> Int32 {
    next("curl_url_set", as: (@convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32).self)?(url, part, text, flags)
        ?? curlueOutOfMemory
}

/// What curl_easy_strerror says without a libcurl.
private nonisolated(unsafe) let staticMessage: UnsafeMutablePointer<CChar> = strdup("libcurl is not linked into this static strata")
    ?? UnsafeMutablePointer.allocate(capacity: 1)

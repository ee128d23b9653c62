#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem

/// The container's session keyring, named `_ses.<id>` as runc names it.
///
/// The init joins (creates) it so that the container never holds the session keyring of
/// whoever ran `create`; an `exec`'d process joins the same one by name, so it never holds
/// the keyring of whoever ran `exec` either. Kernels without keyrings (ENOSYS) are fine,
/// as with runc.
enum SessionKeyring {
    static func name(of id: String) -> String { "_ses." + id }

    /// Possessor: everything. Owner (the container's root): view, read, write, search,
    /// link. Search is what lets a later `exec`, running as that owner but not yet a
    /// possessor, find the keyring by name; nobody else gets anything.
    static let permissions: UInt32 = 0x3f1f_0000

    /// The init's step: a fresh session keyring for the container, findable by `exec`.
    static func create(id: String) throws(StrataError) {
        let serial = strata_join_session_keyring(name(of: id))
        if serial < 0 {
            let code = currentErrno()
            if code == ENOSYS { return }
            throw StrataError.system("join session keyring", name(of: id), errno: code)
        }
        if strata_keyring_setperm(Int32(truncatingIfNeeded: serial), permissions) != 0 {
            throw StrataError.system("set permissions of session keyring", name(of: id))
        }
    }

    /// The exec'd process's step, made as the container's root inside its user namespace:
    /// it joins the init's keyring (or, if that is gone, a new empty one of that name).
    static func join(id: String) throws(StrataError) {
        if strata_join_session_keyring(name(of: id)) < 0 {
            let code = currentErrno()
            if code == ENOSYS { return }
            throw StrataError.system("join session keyring", name(of: id), errno: code)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// The container's terminal: a pty made from the container's own devpts, the master sent
/// to the console socket (runc's protocol: one message, the fd as SCM_RIGHTS), the slave
/// made the process's stdio and controlling terminal, and bound over /dev/console.
///
/// Nothing here trusts a path the container controls (CVE-2025-52565): the multiplexer
/// must be the ptmx device, the slave comes from the master itself (TIOCGPTPEER), never
/// from /dev/pts/N, and is checked to be a devpts pty; /dev/console is opened once
/// without following a symlink and the slave is mounted onto that descriptor.
enum Console {
    /// DEVPTS_SUPER_MAGIC.
    static let devptsMagic: Int64 = 0x1cd1
    /// TIOCGPTPEER (_IO('T', 0x41)).
    static let getPeer: UInt = 0x5441

    static func setUp(socketFD: Int32, size: Box?, mountConsole: Bool) throws(StrataError) {
        guard socketFD >= 0 else {
            throw StrataError.message("cannot allocate tty if runc will detach without setting console socket")
        }
        let root = try sys("open", "/") { open("/", O_PATH | O_DIRECTORY | O_CLOEXEC) }
        defer { closeFD(root) }
        let master = try openMultiplexer(root: root)
        var slave: Int32 = -1
        do {
            var unlock: Int32 = 0
            try sys("unlockpt", "/dev/ptmx") { strata_ioctl_ptr(master, strata_tiocsptlck(), &unlock) }
            slave = try sys("ioctl TIOCGPTPEER", "/dev/ptmx") {
                strata_ioctl_int(master, getPeer, O_RDWR | O_NOCTTY | O_CLOEXEC)
            }
            try checkPeer(slave)
            if let size {
                var ws = winsize(ws_row: UInt16(size.height), ws_col: UInt16(size.width), ws_xpixel: 0, ws_ypixel: 0)
                _ = strata_ioctl_ptr(master, strata_tiocswinsz(), &ws)
            }
            if mountConsole { try mountOverConsole(slave, root: root) }
            let channel = Channel(fd: socketFD)
            // runc sends the name of the master, "/dev/ptmx", as the payload; clients ignore it.
            try channel.send(Array("/dev/ptmx".utf8), passing: master)
        } catch {
            closeFD(master)
            if slave >= 0 { closeFD(slave) }
            throw error
        }
        closeFD(master)
        closeFD(socketFD)
        for target in Int32(0)...2 { try Descriptors.duplicate(slave, onto: target) }
        if slave > 2 { closeFD(slave) }
        try sys("ioctl", "TIOCSCTTY") { strata_ioctl_int(0, strata_tiocsctty(), 0) }
    }

    /// /dev/ptmx beneath the root (its usual link to pts/ptmx is followed inside the
    /// root only), which must be the multiplexer device 5:2: in a running container
    /// (exec) its root owns /dev, and a link to the slave of a pty it holds would hand it
    /// the operator's keystrokes.
    private static func openMultiplexer(root: Int32) throws(StrataError) -> Int32 {
        let master = Descriptors.openatResolveInRoot(root, "dev/ptmx", flags: O_RDWR | O_NOCTTY)
        if master < 0 { throw StrataError.system("open", "/dev/ptmx") }
        var st = stat()
        guard fstat(master, &st) == 0, (st.st_mode & S_IFMT) == S_IFCHR, st.st_rdev == strata_makedev(5, 2) else {
            closeFD(master)
            throw StrataError("open", "/dev/ptmx", reason: "not the pty multiplexer (char device 5:2)")
        }
        return master
    }

    /// The peer must be a pty slave on devpts (Unix98 ptys: majors 136-143).
    private static func checkPeer(_ slave: Int32) throws(StrataError) {
        var st = stat()
        let major = (fstat(slave, &st) == 0) ? (UInt64(st.st_rdev) >> 8) & 0xfff : 0
        guard (st.st_mode & S_IFMT) == S_IFCHR, (136...143).contains(major),
              strata_fd_fs_magic(slave) == devptsMagic else {
            throw StrataError("ioctl TIOCGPTPEER", "/dev/ptmx", reason: "the peer is not a pty on devpts")
        }
    }

    /// Opens /dev/console once, without following a symlink anywhere (made as an empty
    /// file where missing), and mounts the slave onto that descriptor.
    private static func mountOverConsole(_ slave: Int32, root: Int32) throws(StrataError) {
        let dev = Descriptors.openatInRootNoSymlinks(root, "dev", flags: O_PATH | O_DIRECTORY)
        if dev < 0 { throw StrataError.system("open", "/dev (for /dev/console)") }
        defer { closeFD(dev) }
        var console = openat(dev, "console", O_PATH | O_NOFOLLOW | O_CLOEXEC)
        if console < 0 && currentErrno() == ENOENT {
            let made = openat(dev, "console", O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o666)
            if made < 0 && currentErrno() != EEXIST { throw StrataError.system("create", "/dev/console") }
            if made >= 0 { closeFD(made) }
            console = openat(dev, "console", O_PATH | O_NOFOLLOW | O_CLOEXEC)
        }
        if console < 0 { throw StrataError.system("open", "/dev/console") }
        defer { closeFD(console) }
        var st = stat()
        guard fstat(console, &st) == 0 else { throw StrataError.system("stat", "/dev/console") }
        let kind = st.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFCHR else {
            throw StrataError("mount pty", "/dev/console",
                              reason: kind == S_IFLNK ? "it is a symlink" : "not a file or character device")
        }
        let tree = try Mounts.cloneTree(slave, "", recursive: false, shown: "pty for /dev/console")
        defer { closeFD(tree) }
        try Mounts.attach(tree, onto: console, shown: "/dev/console")
    }
}

#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// The container's terminal: a pty made from the container's own devpts, the master sent
/// to the console socket (runc's protocol: one message, the fd as SCM_RIGHTS), the slave
/// made the process's stdio and controlling terminal, and bound over /dev/console.
enum Console {
    static func setUp(socketFD: Int32, size: Box?, mountConsole: Bool) throws(StrataError) {
        guard socketFD >= 0 else {
            throw StrataError.message("cannot allocate tty if runc will detach without setting console socket")
        }
        let master = try sys("open", "/dev/ptmx") { open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC) }
        // In a running container (exec) its root owns /dev: /dev/ptmx could be a link to
        // the slave of a pty it holds, which would hand it the operator's keystrokes. Only
        // the ptmx device (5:2) is a master.
        var st = stat()
        guard fstat(master, &st) == 0, (st.st_mode & S_IFMT) == S_IFCHR, st.st_rdev == strata_makedev(5, 2) else {
            closeFD(master)
            throw StrataError("open", "/dev/ptmx", reason: "not the pty multiplexer (char device 5:2)")
        }
        var unlock: Int32 = 0
        try sys("unlockpt", "/dev/ptmx") { strata_ioctl_ptr(master, strata_tiocsptlck(), &unlock) }
        var number: UInt32 = 0
        try sys("ptsname", "/dev/ptmx") { strata_ioctl_ptr(master, strata_tiocgptn(), &number) }
        let slavePath = "/dev/pts/\(number)"
        // The slave from the master itself (TIOCGPTPEER), not by a path the container
        // could have replaced; by path only on kernels before 4.13.
        var slave = strata_ioctl_int(master, 0x5441 /* TIOCGPTPEER */, O_RDWR | O_NOCTTY)
        if slave < 0 {
            slave = try sys("open", slavePath) { open(slavePath, O_RDWR | O_NOCTTY) }
        }
        if let size {
            var ws = winsize(ws_row: UInt16(size.height), ws_col: UInt16(size.width), ws_xpixel: 0, ws_ypixel: 0)
            _ = strata_ioctl_ptr(master, strata_tiocswinsz(), &ws)
        }
        if mountConsole {
            let fd = open("/dev/console", O_CREAT | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o666)
            if fd >= 0 { closeFD(fd) }
            try Mounts.mount(source: slavePath, target: "/dev/console", type: nil, flags: Mounts.bind, data: nil)
        }
        let channel = Channel(fd: socketFD)
        // runc sends the name of the master, "/dev/ptmx", as the payload; clients ignore it.
        try channel.send(Array("/dev/ptmx".utf8), passing: master)
        closeFD(master)
        closeFD(socketFD)
        for target in Int32(0)...2 { try Descriptors.duplicate(slave, onto: target) }
        if slave > 2 { closeFD(slave) }
        try sys("ioctl", "TIOCSCTTY") { strata_ioctl_int(0, strata_tiocsctty(), 0) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem

/// The foreground loop of `run`: forwards every signal to the container's init, copies
/// the terminal both ways when there is one, and reaps until the init exits.
struct SignalForwarder {
    let initPid: Int32
    /// The pty master, or -1 when the container uses our stdio directly.
    let master: Int32

    func run() throws(StrataError) -> ExitStatus {
        let sfd = try Signals.signalFD(Signals.all)
        defer { closeFD(sfd) }
        var terminal = TerminalProxy(master: master)
        terminal.begin()
        defer { terminal.end() }
        while true {
            // The init may have exited before the loop began: its SIGCHLD is queued anyway.
            var fds = [pollfd(fd: sfd, events: Int16(POLLIN), revents: 0)]
            fds += terminal.pollSet()
            let n = poll(&fds, nfds_t(fds.count), -1)
            if n < 0 {
                if currentErrno() == EINTR { continue }
                throw StrataError.system("poll", "signals")
            }
            if fds[0].revents & Int16(POLLIN) != 0 {
                // struct signalfd_siginfo is 128 bytes; ssi_signo is its first u32.
                var info = [UInt32](repeating: 0, count: 32)
                let got = info.withUnsafeMutableBytes { read(sfd, $0.baseAddress, 128) }
                if got == 128 {
                    let sig = Int32(bitPattern: info[0])
                    if sig == SIGCHLD {
                        if let status = reap() {
                            terminal.drain()
                            return status
                        }
                    } else if sig == SIGWINCH {
                        terminal.resize()
                    } else {
                        _ = kill(initPid, sig)
                    }
                }
            }
            terminal.pump(Array(fds.dropFirst()))
        }
    }

    /// Reaps every exited child (we are a subreaper); returns the init's status once seen.
    private func reap() -> ExitStatus? {
        var found: ExitStatus?
        while true {
            guard let result = try? Processes.wait(-1, options: WNOHANG) else { break }
            if result.0 == initPid { found = result.1 }
        }
        return found
    }
}

#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem

/// Copies bytes between our stdio and the container's pty master, with our terminal in
/// raw mode meanwhile so keys like ^C reach the container instead of killing `strun`.
struct TerminalProxy {
    let master: Int32
    private var saved: termios?
    private var stdinOpen = true

    init(master: Int32) { self.master = master }

    mutating func begin() {
        guard master >= 0 else { return }
        if isatty(0) == 1 {
            var attrs = termios()
            if tcgetattr(0, &attrs) == 0 {
                saved = attrs
                cfmakeraw(&attrs)
                _ = tcsetattr(0, TCSANOW, &attrs)
            }
        }
        resize()
    }

    func end() {
        if var saved { _ = tcsetattr(0, TCSANOW, &saved) }
    }

    func resize() {
        guard master >= 0 else { return }
        var ws = winsize()
        if strata_ioctl_ptr(0, strata_tiocgwinsz(), &ws) == 0 {
            _ = strata_ioctl_ptr(master, strata_tiocswinsz(), &ws)
        }
    }

    func pollSet() -> [pollfd] {
        guard master >= 0 else { return [] }
        var set = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        if stdinOpen { set.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0)) }
        return set
    }

    mutating func pump(_ ready: [pollfd]) {
        for p in ready where p.revents != 0 {
            if p.fd == master {
                if !copy(from: master, to: 1) { /* the container closed its side; SIGCHLD follows */ }
            } else if p.fd == 0 {
                if !copy(from: 0, to: master) { stdinOpen = false }
            }
        }
    }

    /// Whatever the container wrote before exiting still reaches our stdout.
    func drain() {
        guard master >= 0 else { return }
        let flags = strata_fcntl_int(master, F_GETFL, 0)
        _ = strata_fcntl_int(master, F_SETFL, flags | O_NONBLOCK)
        while copy(from: master, to: 1) {}
    }

    private func copy(from: Int32, to: Int32) -> Bool {
        var buf = [UInt8](repeating: 0, count: 8192)
        let n = buf.withUnsafeMutableBytes { read(from, $0.baseAddress, $0.count) }
        if n <= 0 { return false }
        try? Files.writeAll(fd: to, buf[0..<n], name: "terminal")
        return true
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// systemd socket activation passed through to the container.
enum SocketActivation {
    /// N from LISTEN_FDS when LISTEN_PID names this process (sd_listen_fds' rule), else 0.
    static func inheritedCount() -> Int32 {
        guard let fdsText = getenv("LISTEN_FDS"), let count = Int32(String(cString: fdsText)), count > 0 else {
            return 0
        }
        guard let pidText = getenv("LISTEN_PID"), Int32(String(cString: pidText)) == getpid() else {
            return 0
        }
        return count
    }
}

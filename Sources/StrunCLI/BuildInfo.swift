// Rewritten by `make release` with the git commit; keep the literal on one line.
enum BuildInfo {
    static let commit = "unknown"
}

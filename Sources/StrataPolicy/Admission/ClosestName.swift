/// "did you mean" for a word of a closed vocabulary that a policy misspelt.
enum ClosestName {
    /// ` (did you mean X?)` when one known word is within two edits of `word`
    /// (case-insensitively), else "".
    static func hint(_ word: String, in known: [String]) -> String {
        let target = Array(word.uppercased().utf8)
        var best: (name: String, distance: Int)?
        for name in known {
            let d = distance(target, Array(name.uppercased().utf8))
            if d <= 2 && d < (best?.distance ?? Int.max) { best = (name, d) }
        }
        return best.map { " (did you mean \($0.name)?)" } ?? ""
    }

    /// Levenshtein distance, one row at a time.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

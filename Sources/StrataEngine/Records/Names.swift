/// Docker-style generated names (`adjective_noun`), picked from the id's random digits.
enum Names {
    static let adjectives = [
        "brave", "calm", "eager", "fancy", "gentle", "happy", "jolly", "keen", "lucid", "merry",
        "nifty", "proud", "quiet", "sharp", "swift", "tender", "vivid", "wise", "zealous", "bold",
    ]
    static let nouns = [
        "archimedes", "babbage", "curie", "darwin", "euler", "faraday", "gauss", "hopper", "hypatia",
        "kepler", "lovelace", "maxwell", "newton", "noether", "pascal", "ritchie", "shannon", "turing",
        "volta", "wozniak",
    ]

    /// A name from the id's leading digits, with a few more digits so two containers
    /// rarely collide (a collision is still caught by the database's unique name).
    static func random(id: String) -> String {
        let digits = Array(id.utf8.prefix(8)).map { Int($0) }
        let a = adjectives[(digits[0] * 31 + digits[1]) % adjectives.count]
        let n = nouns[(digits[2] * 31 + digits[3]) % nouns.count]
        return "\(a)_\(n)_\(id.dropFirst(58))"
    }
}

/// Closest-name suggestions for unknown or ambiguous names ("did you mean").
public enum Suggestions {
    /// Up to `limit` candidates closest to `query` by edit distance (case-insensitive), best first;
    /// only candidates within a distance of about a third of the query's length, or containing it.
    public static func closest(to query: String, in candidates: [String], limit: Int = 5) -> [String] {
        let q = query.lowercased()
        let scored = candidates.map { c -> (String, Int) in
            let lc = c.lowercased()
            let d = lc.contains(q) || q.contains(lc) ? 0 : distance(q, lc)
            return (c, d)
        }
        let cutoff = max(2, q.count / 3)
        return scored.filter { $0.1 <= cutoff }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .prefix(limit).map(\.0)
    }

    /// Levenshtein distance (insertions, deletions, substitutions), O(|a|·|b|) time, O(|b|) memory.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

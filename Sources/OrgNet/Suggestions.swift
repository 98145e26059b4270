import Foundation

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

    /// Text folded for matching what people type against names: lower case, accents removed
    /// (`é` → `e`), Cyrillic transliterated (`Путилов` → `putilov`), and the usual spellings of one
    /// Russian sound made one (`kh`/`h`, `w`/`v`/`ff`/`f` at ends, `y`/`j`/`i`, apostrophes for
    /// the soft sign dropped), so "Putilof", "Poutilov" and "Путилов" meet.
    ///
    /// Results are memoized (up to ``foldCacheLimit`` texts): every lookup folds the same few
    /// hundred organization names again, and folding goes through Foundation's Unicode folding.
    public static func fold(_ text: String) -> String {
        if let hit = foldCache.value(for: text) { return hit }
        let folded = computeFold(text)
        foldCache.store(folded, for: text)
        return folded
    }

    /// How many distinct texts ``fold(_:)`` remembers; beyond it, texts are folded each time.
    static let foldCacheLimit = 20_000

    private final class FoldCache: @unchecked Sendable {
        private let lock = NSLock()
        private var map: [String: String] = [:]
        func value(for key: String) -> String? {
            lock.lock(); defer { lock.unlock() }
            return map[key]
        }
        func store(_ value: String, for key: String) {
            lock.lock(); defer { lock.unlock() }
            if map.count < Suggestions.foldCacheLimit { map[key] = value }
        }
    }
    private static let foldCache = FoldCache()

    private static func computeFold(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil) {
            if let latin = cyrillic[ch] { out += latin } else if !"'’ʹʼ`\"".contains(ch) { out.append(ch) }
        }
        for (from, to) in [("kh", "h"), ("ou", "u"), ("w", "v"), ("ff", "v"), ("y", "i"), ("j", "i")] {
            out = out.replacingOccurrences(of: from, with: to)
        }
        // A word-final f is a v ("Putilof"): only at a word's end, where Russian devoices it.
        let chars = Array(out)
        var folded = ""
        for (i, ch) in chars.enumerated() {
            let atEnd = i + 1 == chars.count || !(chars[i + 1].isLetter || chars[i + 1].isNumber)
            folded.append(ch == "f" && atEnd ? "v" : ch)
        }
        return folded
    }

    private static let cyrillic: [Character: String] = {
        let letters = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
        let latin: [String] = [
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
            "u", "f", "kh", "ts", "ch", "sh", "shch", "", "i", "", "e", "iu", "ia",
        ]
        return Dictionary(uniqueKeysWithValues: zip(letters, latin))
    }()

    /// The words of folded text: runs of letters and digits.
    public static func words(_ folded: String) -> [String] {
        folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// How far `query` is from a name (both folded): 0 when one contains the other, else the
    /// least edit distance between the query and the whole name or any run of as many words of
    /// the name as the query has ("kronshtadt" is 1 from the first word of "Kronstadt soviet").
    public static func nameDistance(_ query: String, _ name: String) -> Int {
        if name.contains(query) || query.contains(name) { return 0 }
        var best = distance(query, name)
        let q = words(query), n = words(name)
        if !q.isEmpty, q.count <= n.count {
            for start in 0...(n.count - q.count) {
                best = min(best, distance(q.joined(separator: " "), n[start..<start + q.count].joined(separator: " ")))
            }
        }
        return best
    }

    /// Up to `limit` ids of the candidates nearest to `query` by ``nameDistance(_:_:)`` over each
    /// candidate's names (its id, full name, short name), folded (``fold(_:)``); best first.
    public static func closest(to query: String, names candidates: [(id: String, names: [String])], limit: Int = 6)
        -> [String]
    {
        let q = fold(query)
        let cutoff = max(2, q.count / 3)
        var scored: [(id: String, distance: Int)] = []
        for c in candidates {
            let d = c.names.map { nameDistance(q, fold($0)) }.min() ?? Int.max
            if d <= cutoff { scored.append((c.id, d)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.id < $1.id }
        return scored.prefix(limit).map(\.id)
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

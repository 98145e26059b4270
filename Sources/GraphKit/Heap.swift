/// A binary min-heap of `(priority, node)` entries used by Dijkstra-style searches (lazy deletion:
/// stale entries are skipped by the caller). One contiguous array of entries and hole-based
/// sifting keep pushes and pops cache-friendly and allocation-free once warmed up. Equal priorities
/// pop in unspecified order; Brandes' path counts do not depend on it for positive weights.
struct MinHeap {
    private struct Entry {
        var priority: Double
        var node: Int32
    }

    private var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

    mutating func push(_ p: Double, _ v: Int) {
        let item = Entry(priority: p, node: Int32(v))
        entries.append(item)
        entries.withUnsafeMutableBufferPointer { a in
            var i = a.count - 1
            while i > 0 {
                let parent = (i - 1) >> 1
                if a[parent].priority <= p { break }
                a[i] = a[parent]
                i = parent
            }
            a[i] = item
        }
    }

    mutating func pop() -> (priority: Double, node: Int) {
        let top = entries[0]
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries.withUnsafeMutableBufferPointer { a in
                let n = a.count
                var i = 0
                while true {
                    var c = 2 * i + 1
                    if c >= n { break }
                    if c + 1 < n && a[c + 1].priority < a[c].priority { c += 1 }
                    if a[c].priority >= last.priority { break }
                    a[i] = a[c]
                    i = c
                }
                a[i] = last
            }
        }
        return (top.priority, Int(top.node))
    }
}

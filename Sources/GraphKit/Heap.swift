/// A binary min-heap of `(priority, node)` pairs used by Dijkstra-style searches (lazy deletion:
/// stale entries are skipped by the caller). Ties are broken by insertion order, like networkx's
/// heap of `(distance, counter, node)` tuples.
struct MinHeap {
    private var prio: [Double] = []
    private var seq: [Int] = []
    private var node: [Int32] = []
    private var counter = 0

    var isEmpty: Bool { prio.isEmpty }

    mutating func removeAll() {
        prio.removeAll(keepingCapacity: true)
        seq.removeAll(keepingCapacity: true)
        node.removeAll(keepingCapacity: true)
        counter = 0
    }

    @inline(__always) private func less(_ a: Int, _ b: Int) -> Bool {
        prio[a] < prio[b] || (prio[a] == prio[b] && seq[a] < seq[b])
    }

    private mutating func swapAt(_ a: Int, _ b: Int) {
        prio.swapAt(a, b); seq.swapAt(a, b); node.swapAt(a, b)
    }

    mutating func push(_ p: Double, _ v: Int) {
        prio.append(p); seq.append(counter); node.append(Int32(v)); counter += 1
        var i = prio.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if less(i, parent) { swapAt(i, parent); i = parent } else { break }
        }
    }

    mutating func pop() -> (priority: Double, node: Int) {
        let top = (prio[0], Int(node[0]))
        let last = prio.count - 1
        swapAt(0, last)
        prio.removeLast(); seq.removeLast(); node.removeLast()
        var i = 0
        let n = prio.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n && less(l, m) { m = l }
            if r < n && less(r, m) { m = r }
            if m == i { break }
            swapAt(i, m); i = m
        }
        return top
    }
}

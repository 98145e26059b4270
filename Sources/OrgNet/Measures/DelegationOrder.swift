extension Snapshot {
    /// Bodies in delegation order: every body after the bodies that send delegates to it (a
    /// post-order of a depth-first search over senders; iterative, so deep chains cannot overflow
    /// the stack). `senders[v]` lists the bodies delegating to `v`; the search does not go below a
    /// body for which `stopAt` is true (its own figure stands for what delegates to it).
    /// - Throws: a bad-data error naming two bodies of a delegation cycle.
    func delegationOrder(senders: [[Int]], stopAt: (Int) -> Bool = { _ in false }) throws(OrgNetError) -> [Int] {
        let n = senders.count
        var order: [Int] = []
        order.reserveCapacity(n)
        var state = [UInt8](repeating: 0, count: n) // 0 new, 1 on the stack, 2 done
        for root in 0..<n where state[root] == 0 {
            var stack: [(v: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                let v = top.v
                if !stopAt(v), top.next < senders[v].count {
                    stack[stack.count - 1].next += 1
                    let u = senders[v][top.next]
                    if state[u] == 1 {
                        throw OrgNetError(
                            .badData,
                            "delegation ties form a cycle through \(organizations[u].id) and \(organizations[v].id) in \(label)"
                        )
                    }
                    if state[u] == 0 { state[u] = 1; stack.append((u, 0)) }
                    continue
                }
                stack.removeLast()
                state[v] = 2
                order.append(v)
            }
        }
        return order
    }
}

import Dispatch
import Foundation

/// A write-once result slot per chunk, shared across `concurrentPerform` workers. Each worker
/// writes only its own index, so the unchecked `Sendable` conformance is sound.
///
/// The slots live in memory allocated once and never reallocated: workers write through a
/// constant pointer, never through a Swift array property, whose every write is a formal
/// access to the whole array (ThreadSanitizer rightly reports concurrent ones as races).
final class ChunkResults<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func withSlot(_ i: Int, _ value: T) { slots[i] = value }
    /// The results in slot order; call after every worker has finished.
    var values: [T] { (0..<count).map { slots[$0]! } }
}

/// Splits `0..<count` into contiguous chunks and runs `body` on them concurrently with
/// `DispatchQueue.concurrentPerform`, returning the chunk results in chunk order.
///
/// The number of chunks is a small multiple of the active processor count so that uneven work
/// per item (e.g. sources in different components) still balances. With `serial` the whole range
/// is one chunk on the calling thread: a measure run inside an already parallel loop (one sample
/// of many) then sums in one fixed order whatever the core count.
func parallelChunks<T>(
    _ count: Int, minimumPerChunk: Int = 1, serial: Bool = false,
    _ body: @Sendable (Range<Int>) -> T
) -> [T] {
    if count == 0 { return [] }
    let cores = serial ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunks = serial ? 1 : max(1, min(cores * 4, count / max(1, minimumPerChunk)))
    if chunks == 1 { return [body(0..<count)] }
    let results = ChunkResults<T>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let lo = count * c / chunks, hi = count * (c + 1) / chunks
        results.withSlot(c, body(lo..<hi))
    }
    return results.values
}

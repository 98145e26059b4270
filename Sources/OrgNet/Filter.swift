/// Which values of one kind to keep: every value (``all``), or exactly the values of a set
/// (``only(_:)``).
///
/// The explicit form of a choice such as "which tie roles make the network": "everything" is
/// spelled `.all`, never `nil` and never an empty set, so a filter that was meant to be given but
/// came out empty keeps nothing instead of silently keeping everything. An array literal is an
/// ``only(_:)`` filter: `network(roles: [.delegation])`.
public enum Filter<Element: Hashable & Sendable>: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// Every value.
    case all
    /// Exactly the values in the set; an empty set keeps nothing.
    case only(Set<Element>)

    /// An ``only(_:)`` filter of the listed values.
    public init(arrayLiteral elements: Element...) { self = .only(Set(elements)) }

    /// Whether the filter keeps `element`.
    @inlinable public func contains(_ element: Element) -> Bool {
        switch self {
        case .all: return true
        case .only(let kept): return kept.contains(element)
        }
    }
}

/// Which tie roles become edges of a network (``Snapshot/network(roles:weighted:)``): `.all`, or
/// `.only(roles)` (an array literal such as `[.delegation, .authority]`).
public typealias RoleFilter = Filter<Role>

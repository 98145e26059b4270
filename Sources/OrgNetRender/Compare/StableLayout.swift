import Graphviz
import OrgNet

/// One layout for several snapshots: the union of their organizations and ties is laid out once
/// with `dot`, and every snapshot is then drawn with its nodes pinned to those positions
/// (``GraphSpec/pinned(to:)``, rendered by `neato -n`), so an organization sits at the same place
/// in every month.
///
/// The union is drawn with ``SnapshotRenderer``'s own spec (same labels, shapes and district
/// boxes), so node sizes match the panels; only delegation ties set ranks (``Style/EdgeLook/constrains``),
/// which keeps `dot` fast on ~150 nodes (docs/design.md §2). When panels scale nodes (size by a measure),
/// the union is laid out twice: once for the natural sizes, then with each node at its largest
/// scale, so no scaled node overlaps a neighbour in any panel.
public struct StableLayout: Sendable {
    /// The union network (organizations and ties of every snapshot, first definition wins).
    public let union: Snapshot
    /// The union's picture as laid out (no title, no legend).
    public let unionSpec: GraphSpec
    /// Node sizes at scale 1, in points.
    public let naturalSizes: [String: Size]
    /// The positions every panel pins to (points, y upwards).
    public let layout: LayoutResult

    /// Lays out the union of `snapshots`. `maxScale` gives each organization's largest scale in
    /// any panel (1 when absent).
    public init(
        snapshots: [Snapshot], maxScale: [String: Double] = [:],
        renderer: SnapshotRenderer = SnapshotRenderer()
    ) throws(OrgNetError) {
        guard let first = snapshots.first else {
            throw OrgNetError(.invalidArgument, "nothing to lay out: no snapshot given")
        }
        union = Self.union(of: snapshots)
        var r = renderer
        r.options.title = false
        r.options.legend = false
        var spec = r.spec(for: union)
        // Room between neighbours for the panels' routed ties (ComparePanels pads every node by esep);
        // ranks close together and `ratio=compress` into a page-sized square keep the union compact.
        spec.attributes["nodesep"] = "0.25"
        spec.attributes["ranksep"] = "0.55"
        spec.attributes["ratio"] = "compress"
        spec.attributes["size"] = "30,30"
        let origin = first.timeline.origin
        do {
            let natural = try GraphvizEngine.shared.layout(spec)
            naturalSizes = natural.sizes
            if maxScale.values.contains(where: { $0 > 1.0001 }) {
                for i in spec.nodes.indices {
                    let id = spec.nodes[i].id
                    guard let s = maxScale[id], s > 1.0001, let size = natural.sizes[id] else { continue }
                    spec.nodes[i].attributes["width"] = .text(
                        Text.number((size.width * s / 72 * 1000).rounded() / 1000))
                    spec.nodes[i].attributes["height"] = .text(
                        Text.number((size.height * s / 72 * 1000).rounded() / 1000))
                }
                layout = try GraphvizEngine.shared.layout(spec)
            } else {
                layout = natural
            }
        } catch {
            throw error.orgNetError(file: origin)
        }
        unionSpec = spec
    }

    /// The union of snapshots as one network: every organization and tie of any of them (by id,
    /// first definition wins), the first timeline's header, and every timeline's observations.
    public static func union(of snapshots: [Snapshot]) -> Snapshot {
        let base = snapshots[0].timeline
        var orgs: [Organization] = [], ties: [Tie] = [], kinds: [Kind] = [], parties: [Party] = []
        var seenOrgs = Set<String>(), seenTies = Set<String>(), seenKinds = Set<String>(), seenParties = Set<String>()
        var sources: [Source] = [], seenSources = Set<String>()
        var observations: [Observation] = []
        var seenTimelines = Set<String>()
        for s in snapshots {
            for o in s.organizations where seenOrgs.insert(o.id).inserted { orgs.append(o) }
            for t in s.ties where seenTies.insert(t.id).inserted { ties.append(t) }
            if seenTimelines.insert(s.timeline.origin + "\u{0}" + s.timeline.id).inserted {
                for k in s.timeline.kinds where seenKinds.insert(k.id).inserted { kinds.append(k) }
                for p in s.timeline.parties where seenParties.insert(p.id).inserted { parties.append(p) }
                for src in s.timeline.sources where seenSources.insert(src.id).inserted { sources.append(src) }
                observations += s.timeline.observations
            }
        }
        let t = Timeline(
            id: base.id, title: base.title, description: base.description, calendar: base.calendar,
            months: [], parties: parties, kinds: kinds, tieKinds: base.tieKinds, sources: sources,
            organizations: orgs, ties: ties, observations: observations, origin: base.origin,
            isDirected: snapshots.allSatisfy { $0.timeline.isDirected })
        return t.wholeNetwork()
    }
}

/// Finding an organization by a name as people write it, for search boxes and command lines alike.
extension Timeline {
    /// The organization `query` names (what a user typed in a search box or on a command line):
    /// an exact id; else an exact name or short name; else the only one whose id or name contains the query, or whose name has all the query's words
    /// (matching folds case, accents and transliteration: ``Suggestions/fold(_:)``). Among several
    /// such, the only one whose name begins with the query's first word wins ("second congress"
    /// is the Second All-Russian Congress, not the committee "from the Second Congress"). An
    /// unknown or ambiguous query is an invalid-argument error listing the closest candidates, with
    /// the remedy ``OrgNetError/Remedy/listOrganizations``.
    public func organization(matching query: String) throws(OrgNetError) -> Organization {
        let timeline = self
        if let o = timeline.organization(query) { return o }
        let q = Suggestions.fold(query)
        let names = { (o: Organization) in [o.id, o.name] + (o.short.map { [$0] } ?? []) }
        let exact = timeline.organizations.filter { names($0).contains { Suggestions.fold($0) == q } }
        if exact.count == 1 { return exact[0] }
        let queryWords = Suggestions.words(q)
        var partial = exact
        if exact.isEmpty {
            partial = timeline.organizations.filter { o in
                names(o).contains { n in
                    let f = Suggestions.fold(n)
                    if f.contains(q) { return true }
                    let w = Suggestions.words(f)
                    return !queryWords.isEmpty && queryWords.allSatisfy { qw in w.contains { $0.hasPrefix(qw) } }
                }
            }
            if partial.count > 1, let first = queryWords.first {
                let leading = partial.filter { o in
                    names(o).contains { Suggestions.words(Suggestions.fold($0)).first == first }
                }
                if leading.count == 1 { return leading[0] }
            }
        }
        if partial.count == 1 { return partial[0] }
        if partial.count > 1 {
            throw OrgNetError(
                .invalidArgument, "'\(query)' matches \(partial.count) organizations; name one by id",
                hints: partial.prefix(12).map { "\($0.id)  (\($0.name))" } + (partial.count > 12 ? ["..."] : []),
                remedy: .listOrganizations)
        }
        let close = Suggestions.closest(to: query, names: timeline.organizations.map { ($0.id, names($0)) }, limit: 6)
        let byID = Dictionary(timeline.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        throw OrgNetError(
            .invalidArgument, "no organization '\(query)' in \(timeline.id)",
            hints: close.isEmpty
                ? []
                : [
                    "closest: "
                        + close.map { id in byID[id].map { "\(id) (\($0.name))" } ?? id }.joined(separator: ", ")
                ],
            remedy: .listOrganizations)
    }
}

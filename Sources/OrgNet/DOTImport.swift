public enum DOTImport { public static func load(path: String) throws(OrgNetError) -> Timeline { throw OrgNetError(.internalError, "DOT import is not built yet", at: .init(file: path)) } }

import ArgumentParser
struct Render: ParsableCommand { static let configuration = CommandConfiguration(abstract: "Draw one snapshot.") }

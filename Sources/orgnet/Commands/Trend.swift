import ArgumentParser

struct Trend: ParsableCommand {
    func run() throws {}
}

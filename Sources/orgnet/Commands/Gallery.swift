import ArgumentParser

struct Gallery: ParsableCommand {
    func run() throws {}
}

import GraphKit
import Testing

/// ``NumberText``, the one number formatter: the edge cases each of the five formatters it
/// replaced got wrong somewhere ("2." for 2.0001, "-0" for a tiny negative, a trap on NaN or
/// on values past `Int.max / 1000`). Expected texts are written from the rules in its
/// documentation, not copied from its output.
@Suite struct NumberTextTests {
    @Test(
        arguments: [
            (2.0001, 3, "2"), (2.0, 3, "2"), (-0.0, 3, "0"), (1e-12, 3, "0"), (-1e-12, 3, "0"), (-1e-12, 6, "0"),
            (2.5, 3, "2.5"), (1.0 / 3.0, 3, "0.333"), (2.0 / 3.0, 3, "0.667"), (-2.0 / 3.0, 1, "-0.7"),
            (0.1, 6, "0.1"), (1234.5678, 2, "1234.57"), (0.4, 0, "0"), (-0.4, 0, "0"), (2.6, 0, "3"),
            (1e15, 3, "1000000000000000"), (1e16, 3, "10000000000000000"), (-1e16, 4, "-10000000000000000"),
            (1e15 + 0.5, 3, "1000000000000000.5"), (123_456_789_012, 4, "123456789012"),
            (.nan, 3, "nan"), (.infinity, 3, "inf"), (-.infinity, 6, "-inf"),
        ] as [(Double, Int, String)])
    func decimal(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(NumberText.decimal(value, maxDecimals: decimals) == expected, "\(value) with \(decimals) decimals")
    }

    @Test(
        arguments: [
            (2.0001, "2.0001"), (2.0, "2"), (-0.0, "0"), (1e-12, "1e-12"), (0.1, "0.1"), (-2.5, "-2.5"),
            (1e300, "1e+300"), (999_999_999_999_999, "999999999999999"), (.nan, "nan"), (.infinity, "inf"),
            (-.infinity, "-inf"),
        ] as [(Double, String)])
    func exact(_ value: Double, _ expected: String) {
        #expect(NumberText.exact(value) == expected, "\(value)")
    }

    /// The exact form reads back as the same number: what DOT positions and interchange files need.
    @Test func exactRoundTrips() {
        for v in [0.1 + 0.2, 1.0 / 3.0, 1e-300, 123.456e10, -7.25, Double.ulpOfOne, Double.leastNonzeroMagnitude] {
            #expect(Double(NumberText.exact(v)) == v, "\(v)")
        }
    }
}

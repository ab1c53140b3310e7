// TEMPORARY stand-in with the agreed API; replaced by the real splitter (branch `splitter`).
public typealias VariableLookup = (String) -> String?
public struct SplitStatement { public var sql: [UInt8]; public var firstLine: Int; public var lastLine: Int }
public struct MetaCommandCall { public var name: String; public var arguments: [UInt8]; public var line: Int; public var precedingSQL: [UInt8]? }
public enum SplitterItem { case statement(SplitStatement); case metaCommand(MetaCommandCall) }
public struct UnterminatedConstruct { public var what: String; public var line: Int }
public enum SplitterEnd { case nothing; case statement(SplitStatement); case unterminated(UnterminatedConstruct) }
public enum ContinuationState { case none, statement, singleQuote, doubleQuote, dollarQuote, blockComment, parenthesis }
public struct StatementSplitter {
    var buffer: [UInt8] = []
    var first = 0
    public var standardConformingStrings = true
    public init(standardConformingStrings: Bool = true) {}
    public var continuation: ContinuationState { buffer.isEmpty ? ContinuationState.none : .statement }
    public var parenthesisDepth: Int { 0 }
    public var hasPendingText: Bool { !buffer.isEmpty }
    public var pendingText: [UInt8] { buffer }
    public mutating func reset() { buffer = [] }
    public mutating func feed(line: [UInt8], lineNumber: Int, variables: VariableLookup? = nil) -> [SplitterItem] {
        let t = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("\\") {
            let parts = t.dropFirst().split(separator: " ", maxSplits: 1)
            return [.metaCommand(MetaCommandCall(name: String(parts.first ?? ""), arguments: Array((parts.count > 1 ? String(parts[1]) : "").utf8), line: lineNumber, precedingSQL: nil))]
        }
        if t.isEmpty && buffer.isEmpty { return [] }
        if buffer.isEmpty { first = lineNumber } else { buffer.append(10) }
        buffer += line
        if t.hasSuffix(";") { let s = SplitStatement(sql: buffer, firstLine: first, lastLine: lineNumber); buffer = []; return [.statement(s)] }
        return []
    }
    public mutating func finish() -> SplitterEnd {
        if buffer.isEmpty { return .nothing }
        defer { buffer = [] }
        return .statement(SplitStatement(sql: buffer, firstLine: first, lastLine: first))
    }
}
public enum UTF8Check {
    public static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        String(validating: Array(bytes), as: UTF8.self) == nil ? 0 : nil
    }
}
public enum MetaCommandArguments {
    public static func split(_ raw: [UInt8], variables: VariableLookup?) -> [String] {
        String(decoding: raw, as: UTF8.self).split(separator: " ").map(String.init)
    }
    public static func restOfLine(_ raw: [UInt8]) -> String { String(decoding: raw, as: UTF8.self) }
}

@preconcurrency import CLibPQ

/// One statement on the COPY fast path: what the user wrote, what is sent, and
/// how the server's answer is told in the user's terms (rows to the consumer, the
/// ordinary command tag, error positions in the user's text).
struct CopyPlan {
    let statement: [UInt8]
    let sent: [UInt8]
    /// Bytes of `statement` sent inside the wrapper (without a trailing `;`).
    let length: Int
    let kind: CopyRoute.Kind
    let consumer: CopyRouteConsumer

    /// The plan for `sql` when `consumer` takes COPY output and COPY takes `sql`.
    init?(_ sql: UnsafeBufferPointer<UInt8>, consumer: QueryResultConsumer, serverVersion: Int) {
        guard serverVersion >= 90600, let target = consumer.copyRoute,
              let options = target.copyOptions(serverVersion: serverVersion) else { return nil }
        let statement = Array(sql)
        guard let (kind, length) = CopyRoute.analyze(statement) else { return nil }
        self.statement = statement
        self.sent = CopyRoute.wrap(statement, length: length, options: options)
        self.kind = kind
        self.length = length
        self.consumer = target
    }

    /// libpq's message for an error of the sent text, as the ordinary path would
    /// have it: the `LINE n:` section rendered from the user's statement. A syntax
    /// error the server found in the wrapper's tail is where the user's statement
    /// stopped: at its `;` (`syntax error at or near ";"`) or at its end (`syntax
    /// error at end of input`), as the server says without the wrapper.
    func userMessage(_ message: String, result: OpaquePointer) -> String {
        guard let field = PQresultErrorField(result, Int32(UInt8(ascii: "P"))),
              let position = Int(String(cString: field)),
              let section = ErrorPositionText.render(query: sent, position: position),
              message.firstRange(of: section) != nil else { return message }
        var text = message
        var userPosition = position - CopyRoute.prefix.count
        let sentCharacters = ErrorPositionText.characterCount(statement[0..<length])
        if userPosition > sentCharacters {
            let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) } ?? ""
            let replacement: String
            if length < statement.count, statement[length] == UInt8(ascii: ";") {
                replacement = "syntax error at or near \";\""
                userPosition = sentCharacters + 1
            } else {
                replacement = "syntax error at end of input"
                userPosition = ErrorPositionText.characterCount(statement) + 1
            }
            if primary.hasPrefix("syntax error at or near"), let p = text.firstRange(of: primary) {
                text.replaceSubrange(p, with: replacement)
            }
        }
        guard let range = text.firstRange(of: section) else { return message }
        text.replaceSubrange(range, with: ErrorPositionText.render(query: statement, position: userPosition) ?? "")
        return text
    }
}

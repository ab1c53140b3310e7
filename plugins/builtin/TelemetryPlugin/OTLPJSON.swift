/// Encodes spans as an OTLP/HTTP JSON `ExportTraceServiceRequest` (the protobuf JSON
/// mapping: lowerCamelCase fields, ids as hex, 64-bit integers as strings).
enum OTLPJSON {
    static let scopeName = "psqlui.telemetry"
    static let scopeVersion = "0.1.0"

    static func request(_ spans: [StatementSpan], serviceName: String) -> [UInt8] {
        var out = "{\"resourceSpans\":[{\"resource\":{\"attributes\":["
        out += attribute("service.name", string: serviceName)
        out += "]},\"scopeSpans\":[{\"scope\":{\"name\":\"\(scopeName)\",\"version\":\"\(scopeVersion)\"},\"spans\":["
        for (i, span) in spans.enumerated() {
            if i > 0 { out += "," }
            out += encode(span)
        }
        out += "]}]}]}"
        return Array(out.utf8)
    }

    static func encode(_ s: StatementSpan) -> String {
        var attributes = [
            attribute("db.system", string: "postgresql"),
            attribute("db.name", string: s.database),
            attribute("db.user", string: s.user),
            attribute("server.address", string: s.host),
        ]
        if let port = s.port { attributes.append(attribute("server.port", int: port)) }
        attributes.append(attribute("db.operation", string: s.kind))
        attributes.append(attribute("db.statement", string: s.redactedStatement))
        if let rows = s.rows { attributes.append(attribute("db.response.returned_rows", int: rows)) }
        if let state = s.sqlState { attributes.append(attribute("db.response.status_code", string: state)) }
        var json = "{\"traceId\":\"\(hex(s.traceID))\",\"spanId\":\"\(hex(s.spanID))\",\"name\":\(quoted(s.name)),\"kind\":3,"
        json += "\"startTimeUnixNano\":\"\(s.startNanos)\",\"endTimeUnixNano\":\"\(s.endNanos)\","
        json += "\"attributes\":[" + attributes.joined(separator: ",") + "]"
        if s.failed {
            // Only the SQLSTATE: the server's message can quote the statement's literals.
            json += ",\"status\":{\"code\":2,\"message\":\(quoted(s.sqlState.map { "SQLSTATE " + $0 } ?? "failed"))}"
        }
        return json + "}"
    }

    static func attribute(_ key: String, string: String) -> String {
        "{\"key\":\(quoted(key)),\"value\":{\"stringValue\":\(quoted(string))}}"
    }

    static func attribute(_ key: String, int: Int) -> String {
        "{\"key\":\(quoted(key)),\"value\":{\"intValue\":\"\(int)\"}}"
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let h = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}

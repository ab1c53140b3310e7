import Glibc

/// Where span batches go: an OTLP/HTTP endpoint (`http://HOST:PORT/v1/traces`; plain
/// HTTP — point it at a local collector for TLS) or a file of JSON lines (one OTLP
/// request per line, the collector's `otlpjson` file format).
enum TelemetryDestination: Equatable {
    case http(host: String, port: UInt16, path: String)
    case file(path: String)

    /// Parses `http://host[:port][/path]` (path default `/v1/traces`, port 80).
    static func endpoint(_ url: String) throws -> TelemetryDestination {
        guard url.hasPrefix("http://") else {
            throw TelemetryError("[plugins.telemetry] endpoint: only http:// URLs are supported (got \(url)); use a local collector for TLS")
        }
        let rest = url.dropFirst("http://".count)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        let path = slash == rest.endIndex ? "/v1/traces" : String(rest[slash...])
        var host = String(authority)
        var port: UInt16 = 80
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            guard let p = UInt16(authority[authority.index(after: colon)...]) else {
                throw TelemetryError("[plugins.telemetry] endpoint: bad port in \(url)")
            }
            port = p
            host = String(authority[..<colon])
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw TelemetryError("[plugins.telemetry] endpoint: no host in \(url)") }
        return .http(host: host, port: port, path: path)
    }

    var displayName: String {
        switch self {
        case .http(let host, let port, let path): return "http://\(host.contains(":") ? "[\(host)]" : host):\(port)\(path)"
        case .file(let path): return path
        }
    }

    /// Sends one request body; throws with a short reason on any failure. Never
    /// waits longer than about `timeoutMillis` for each of connect, send, receive.
    func send(_ body: [UInt8], timeoutMillis: Int32) throws {
        switch self {
        case .file(let path):
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw TelemetryError("\(path): \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            try Self.writeAll(fd, body + [10])
        case .http(let host, let port, let path):
            let fd = try Self.connect(host: host, port: port, timeoutMillis: timeoutMillis)
            defer { close(fd) }
            let head = "POST \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.count)\r\nConnection: close\r\nUser-Agent: psqlui-telemetry/0.1\r\n\r\n"
            try Self.writeAll(fd, Array(head.utf8) + body)
            var response = [UInt8](repeating: 0, count: 512)
            var got = 0
            while got < 12 {
                let n = response.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, 512 - got, 0) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw TelemetryError(n == 0 ? "the endpoint closed the connection" : "no response: \(String(cString: strerror(errno)))") }
                got += n
            }
            // "HTTP/1.1 200 OK"
            let status = String(decoding: response[9..<12], as: UTF8.self)
            guard status.hasPrefix("2") else { throw TelemetryError("the endpoint answered HTTP \(status)") }
        }
    }

    private static func connect(host: String, port: UInt16, timeoutMillis: Int32) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &result)
        guard rc == 0, let first = result else { throw TelemetryError("cannot resolve \(host): \(String(cString: gai_strerror(rc)))") }
        defer { freeaddrinfo(result) }
        let fd = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TelemetryError("socket: \(String(cString: strerror(errno)))") }
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        if Glibc.connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            guard errno == EINPROGRESS else {
                let e = errno
                close(fd)
                throw TelemetryError("cannot connect to \(host):\(port): \(String(cString: strerror(e)))")
            }
            var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&pfd, 1, timeoutMillis)
            var err: Int32 = 0
            var len = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
            guard ready == 1, err == 0 else {
                close(fd)
                throw TelemetryError("cannot connect to \(host):\(port): \(ready == 0 ? "timed out" : String(cString: strerror(err)))")
            }
        }
        _ = fcntl(fd, F_SETFL, flags)
        var tv = timeval(tv_sec: Int(timeoutMillis / 1000), tv_usec: Int(timeoutMillis % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + off, raw.count - off, Int32(MSG_NOSIGNAL))
                if n < 0 && errno == ENOTSOCK {
                    let w = write(fd, raw.baseAddress! + off, raw.count - off)
                    guard w > 0 else { throw TelemetryError("write failed: \(String(cString: strerror(errno)))") }
                    off += w
                    continue
                }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw TelemetryError("send failed: \(String(cString: strerror(errno)))") }
                off += n
            }
        }
    }
}

/// A telemetry failure (configuration, or why a batch was not delivered).
struct TelemetryError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

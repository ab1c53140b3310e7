import Foundation
import PsqluiCore
import Testing

/// Our TOML reader against a real one: Python 3.11's `tomllib`, run once over every
/// document of `TOMLCorpus` and `TOMLOneLineCases`, and over what `TOMLWriter` writes
/// for each valid one. Valid documents must read to the same values (`TOMLDump`'s
/// reference style, printed the same way by the script below); invalid ones must be
/// refused by both — except integers beyond 64 bits, which TOML 1.0 says a reader must
/// refuse and tomllib (Python's integers have no bound) accepts.
@Suite struct TOMLReferenceTests {
    struct Document {
        let name: String
        let bytes: [UInt8]
        let valid: Bool
    }

    static var documents: [Document] {
        var out: [Document] = []
        for (name, text) in TOMLCorpus.valid { out.append(Document(name: "corpus/" + name, bytes: Array(text.utf8), valid: true)) }
        for (name, text) in TOMLCorpus.invalid { out.append(Document(name: "corpus-invalid/" + name, bytes: Array(text.utf8), valid: false)) }
        for (name, bytes) in TOMLCorpus.invalidBytes { out.append(Document(name: "corpus-invalid/" + name, bytes: bytes, valid: false)) }
        for (text, _) in TOMLOneLineCases.valid { out.append(Document(name: "line " + text.debugDescription, bytes: Array(text.utf8), valid: true)) }
        for (text, _) in TOMLOneLineCases.invalid { out.append(Document(name: "line-invalid " + text.debugDescription, bytes: Array(text.utf8), valid: false)) }
        for d in out where d.valid {
            if let table = try? TOMLParser.parse(bytes: d.bytes) {
                out.append(Document(name: "written " + d.name, bytes: Array(TOMLWriter.document(table).utf8), valid: true))
            }
        }
        return out
    }

    /// Prints `INDEX<TAB>OK<TAB>DUMP` or `INDEX<TAB>ERROR<TAB>MESSAGE` per file.
    static let script = #"""
    import datetime, math, os, struct, sys, tomllib

    def q(s):
        out = '"'
        for ch in s:
            o = ord(ch)
            if ch == '"': out += '\\"'
            elif ch == '\\': out += '\\\\'
            elif o < 0x20 or o == 0x7f: out += '\\u{%X}' % o
            else: out += ch
        return out + '"'

    def key(k):
        if k and all(c.isascii() and (c.isalnum() or c in '_-') for c in k): return k
        return q(k)

    def dump(v):
        if isinstance(v, bool): return 'true' if v else 'false'
        if isinstance(v, int): return str(v)
        if isinstance(v, float):
            if math.isnan(v): return 'nan'
            return 'f:%016x' % struct.unpack('>Q', struct.pack('>d', v))[0]
        if isinstance(v, str): return q(v)
        if isinstance(v, datetime.datetime):
            s = '%04d-%02d-%02dT%02d:%02d:%02d.%06d' % (v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond)
            if v.tzinfo is None: return 'ldt:' + s
            m = int(v.utcoffset().total_seconds()) // 60
            return 'odt:%s%s%02d:%02d' % (s, '-' if m < 0 else '+', abs(m) // 60, abs(m) % 60)
        if isinstance(v, datetime.date): return 'ld:%04d-%02d-%02d' % (v.year, v.month, v.day)
        if isinstance(v, datetime.time): return 'lt:%02d:%02d:%02d.%06d' % (v.hour, v.minute, v.second, v.microsecond)
        if isinstance(v, list): return '[' + ','.join(dump(x) for x in v) + ']'
        if isinstance(v, dict):
            return '{' + ','.join(key(k) + '=' + dump(v[k]) for k in sorted(v, key=lambda k: k.encode())) + '}'
        raise TypeError(type(v))

    folder, count = sys.argv[1], int(sys.argv[2])
    for i in range(count):
        with open(os.path.join(folder, '%d.toml' % i), 'rb') as f:
            data = f.read()
        try:
            print('%d\tOK\t%s' % (i, dump(tomllib.loads(data.decode('utf-8')))))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            print('%d\tERROR\t%s' % (i, str(e).replace('\n', ' ')))
    """#

    @Test func ourReaderAgreesWithTomllib() throws {
        let documents = Self.documents
        let folder = NSTemporaryDirectory() + "psqlui-toml-reference-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (i, d) in documents.enumerated() {
            try Data(d.bytes).write(to: URL(fileURLWithPath: folder + "/\(i).toml"))
        }
        try Self.script.write(toFile: folder + "/reference.py", atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", folder + "/reference.py", folder, String(documents.count)]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: errors, as: UTF8.self))")

        var reference: [Int: (ok: Bool, text: String)] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let i = Int(parts[0]) else { continue }
            reference[i] = (parts[1] == "OK", String(parts[2]))
        }
        #expect(reference.count == documents.count)
        #expect(documents.count > 600, "the corpus shrank: \(documents.count)")

        var compared = 0
        for (i, d) in documents.enumerated() {
            guard let theirs = reference[i] else { continue }
            let ours: (ok: Bool, text: String)
            var beyond64Bits = false
            do {
                ours = (true, TOMLDump.dump(try TOMLParser.parse(bytes: d.bytes), .reference))
            } catch {
                ours = (false, error.description)
                if case .integerOutOfRange = error.reason { beyond64Bits = true }
            }
            #expect(ours.ok == d.valid, "\(d.name): ours \(ours.text)")
            #expect(theirs.ok == (d.valid || beyond64Bits), "\(d.name): tomllib \(theirs.text)")
            if ours.ok && theirs.ok {
                #expect(ours.text == theirs.text, "\(d.name)\n ours:    \(ours.text)\n tomllib: \(theirs.text)")
            }
            compared += 1
        }
        #expect(compared == documents.count)
    }
}

import Foundation

/// pyarrow, installed from PyPI by the tests that need it (once per test run), and a
/// reader script that prints a Parquet file's schema and every value in a canonical
/// text form the server can produce too (see ParquetExportTests.canonical).
enum PyArrow {
    /// Why pyarrow is unavailable (nil when it is ready): only "PyPI cannot be reached".
    static let unavailable: String? = {
        let check = "python3 -c 'import pyarrow' 2>/dev/null"
        if (try? ProcessRunner.shell(check, environment: ProcessInfo.processInfo.environment))?.status == 0 { return nil }
        let install = try? ProcessRunner.shell("python3 -m pip install -q pyarrow 2>&1", environment: ProcessInfo.processInfo.environment,
                                               timeout: 600)
        if (try? ProcessRunner.shell(check, environment: ProcessInfo.processInfo.environment))?.status == 0 { return nil }
        let reason = install?.out ?? "pip did not run"
        // Skip only when PyPI is out of reach; any other failure is a failure.
        if reason.contains("No matching distribution") || reason.contains("Could not fetch") || reason.contains("NewConnectionError")
            || reason.contains("Temporary failure in name resolution") {
            return "PyPI unreachable: \(reason.prefix(200))"
        }
        return nil
    }()

    /// `{"arrow": [type strings], "logical": [...], "row_groups": N, "rows": [[canonical cells]]}`.
    static let reader = #"""
        import sys, json, struct, decimal, uuid
        import pyarrow as pa, pyarrow.parquet as pq

        f = pq.ParquetFile(sys.argv[1])
        table = f.read()

        def canon_array(a):
            if isinstance(a.type, pa.ExtensionType):
                a = a.storage
            t = a.type
            if pa.types.is_list(t):
                return pa.ListArray.from_arrays(a.offsets, canon_array(a.values), mask=a.is_null())
            if pa.types.is_timestamp(t):
                return a.cast(pa.int64())
            if pa.types.is_date32(t):
                return a.cast(pa.int32())
            return a

        def canon(v, t):
            if v is None:
                return None
            if isinstance(t, pa.ExtensionType):
                t = t.storage_type
            if pa.types.is_list(t):
                return [canon(x, t.value_type) for x in v]
            if pa.types.is_float64(t):
                return struct.pack('>d', v).hex()
            if pa.types.is_float32(t):
                return struct.pack('>f', v).hex()
            if pa.types.is_boolean(t):
                return 'true' if v else 'false'
            if pa.types.is_decimal(t):
                return format(v, 'f')
            if isinstance(v, bytes):
                return v.hex()
            if isinstance(v, uuid.UUID):
                return v.bytes.hex()
            return str(v)

        columns = []
        for i in range(table.num_columns):
            a = canon_array(table.column(i).combine_chunks())
            columns.append([canon(v, a.type) for v in a.to_pylist()])
        schema = f.schema
        print(json.dumps({
            "names": table.column_names,
            "arrow": [str(table.schema.field(i).type) for i in range(table.num_columns)],
            "logical": [str(schema.column(i).logical_type) for i in range(len(schema))],
            "row_groups": f.num_row_groups,
            "rows": [[columns[c][r] for c in range(table.num_columns)] for r in range(table.num_rows)],
        }))
        """#

    struct Dump {
        var names: [String]
        var arrow: [String]
        var logical: [String]
        var rowGroups: Int
        var rows: [[Any]]
    }

    /// Reads `path` with pyarrow.
    static func read(_ path: String) throws -> Dump {
        let script = NSTemporaryDirectory() + "psqlui-parquet-reader.py"
        try reader.write(toFile: script, atomically: true, encoding: .utf8)
        let out = try ProcessRunner.run("/usr/bin/env", ["python3", script, path], environment: ProcessInfo.processInfo.environment,
                                        timeout: 300)
        guard out.status == 0 else { throw TestFailure("pyarrow could not read \(path):\n\(out)") }
        guard let json = try JSONSerialization.jsonObject(with: out.stdout) as? [String: Any],
              let names = json["names"] as? [String], let arrow = json["arrow"] as? [String],
              let logical = json["logical"] as? [String], let groups = json["row_groups"] as? Int,
              let rows = json["rows"] as? [[Any]] else { throw TestFailure("unexpected reader output: \(out.out.prefix(500))") }
        return Dump(names: names, arrow: arrow, logical: logical, rowGroups: groups, rows: rows)
    }
}

/// psql's `\crosstabview`: turns a result of (vertical header, horizontal header,
/// data) columns into a grid. Distinct header values keep the order they first appear
/// in (the horizontal one optionally ranked by an integer sort column); a cell filled
/// twice is an error. Pure: the command feeds it a collected result and prints the grid.
public struct CrosstabPivot: Equatable {
    /// The grid's column names: the vertical header column's name, then one per
    /// distinct horizontal value (NULL shown as `nullText`).
    public var headers: [String]
    /// Index of the result column each grid column takes its type (alignment) from.
    public var headerSourceColumns: [Int]
    /// Rows of the grid: the vertical value, then the cells. `.some(nil)` is a NULL
    /// value, `nil` a cell no row filled (printed empty).
    public var rows: [[String??]]

    /// psql's limit on grid columns.
    public static let maximumColumns = 1600

    /// The grid, or the error psql reports (without the `\crosstabview: ` prefix).
    /// `arguments` are the command's words: vertical, horizontal, data, sort column.
    public static func make(columns: [String], rows: [[String?]], arguments: [String], nullText: String) -> Result<CrosstabPivot, PivotError> {
        guard columns.count >= 3 else { return .failure(PivotError("query must return at least three columns")) }
        func column(_ i: Int, default value: Int?) -> Result<Int?, PivotError> {
            guard i < arguments.count else { return .success(value) }
            return index(of: arguments[i], in: columns).map { $0 }
        }
        let vertical: Int, horizontal: Int, data: Int, sort: Int?
        switch column(0, default: 0) { case .success(let v): vertical = v!; case .failure(let e): return .failure(e) }
        switch column(1, default: 1) { case .success(let v): horizontal = v!; case .failure(let e): return .failure(e) }
        guard vertical != horizontal else { return .failure(PivotError("vertical and horizontal headers must be different columns")) }
        if arguments.count > 2 {
            switch column(2, default: nil) { case .success(let v): data = v!; case .failure(let e): return .failure(e) }
        } else {
            guard columns.count == 3 else {
                return .failure(PivotError("data column must be specified when query returns more than three columns"))
            }
            data = (0..<3).first { $0 != vertical && $0 != horizontal }!
        }
        switch column(3, default: nil) { case .success(let v): sort = v; case .failure(let e): return .failure(e) }

        // Distinct values in order of first appearance (NULL is one value).
        var columnRank: [String?: Int] = [:], columnValues: [String?] = [], sortValues: [String?] = []
        var rowRank: [String?: Int] = [:], rowValues: [String?] = []
        for row in rows {
            let h = row[horizontal]
            if columnRank[h] == nil {
                columnRank[h] = columnValues.count
                columnValues.append(h)
                sortValues.append(sort.flatMap { row[$0] })
                if columnValues.count > maximumColumns {
                    return .failure(PivotError("maximum number of columns (\(maximumColumns)) exceeded"))
                }
            }
            let v = row[vertical]
            if rowRank[v] == nil {
                rowRank[v] = rowValues.count
                rowValues.append(v)
            }
        }
        // A sort column ranks the horizontal values by its integer (others count as 0).
        var order = Array(columnValues.indices)
        if sort != nil {
            let keys = sortValues.map { value -> Int in
                guard let value, isInteger(value) else { return 0 }
                return Int(value) ?? 0
            }
            order = order.enumerated().sorted { (keys[$0.element], $0.offset) < (keys[$1.element], $1.offset) }.map(\.element)
        }
        var position = [Int](repeating: 0, count: order.count)
        for (p, c) in order.enumerated() { position[c] = p }

        var grid = rowValues.map { value -> [String??] in [.some(value)] + [String??](repeating: nil, count: columnValues.count) }
        for row in rows {
            let r = rowRank[row[vertical]]!, c = columnRank[row[horizontal]]!
            if grid[r][1 + position[c]] != nil {
                let shown = { (v: String?) in v ?? (nullText.isEmpty ? "(null)" : nullText) }
                return .failure(PivotError("query result contains multiple data values for row \"\(shown(row[vertical]))\", column \"\(shown(row[horizontal]))\""))
            }
            grid[r][1 + position[c]] = .some(row[data])
        }
        let headers = [columns[vertical]] + order.map { columnValues[$0] ?? nullText }
        return .success(CrosstabPivot(headers: headers, headerSourceColumns: [vertical] + order.map { _ in data }, rows: grid))
    }

    /// A column given by number (1-based) or by name (quoted: as written, else
    /// lower-cased), as psql resolves them.
    static func index(of argument: String, in columns: [String]) -> Result<Int, PivotError> {
        if !argument.isEmpty, argument.allSatisfy({ $0.isASCII && $0.isNumber }) {
            let n = Int(argument) ?? Int.max
            guard n >= 1, n <= columns.count else {
                return .failure(PivotError("column number \(n == Int.max ? 0 : n) is out of range 1..\(columns.count)"))
            }
            return .success(n - 1)
        }
        let name = dequoted(argument)
        let matches = columns.indices.filter { columns[$0] == name }
        guard let first = matches.first else { return .failure(PivotError("column name not found: \"\(name)\"")) }
        guard matches.count == 1 else { return .failure(PivotError("ambiguous column name: \"\(name)\"")) }
        return .success(first)
    }

    /// Text in double quotes kept as written (`""` is one quote), the rest lower-cased.
    static func dequoted(_ text: String) -> String {
        var out = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if c == "\"" {
                if quoted, chars.first == "\"" { out.append("\""); chars.removeFirst() } else { quoted.toggle() }
            } else {
                out.append(quoted ? String(c) : c.lowercased())
            }
        }
        return out
    }

    static func isInteger(_ s: String) -> Bool {
        let digits = s.hasPrefix("-") ? s.dropFirst() : s[...]
        return digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// Why `\crosstabview` could not make its grid.
public struct PivotError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

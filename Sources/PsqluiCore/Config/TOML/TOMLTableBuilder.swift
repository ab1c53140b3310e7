/// The tables of a document while it is parsed, and TOML 1.0's rules on defining them:
/// a `[header]` defines a table once; `[[header]]` appends to an array of tables;
/// dotted keys create tables that only their own section may add to; inline tables
/// and array values are closed once written.
///
/// Tables live in an arena (indices, no references) and become `TOMLTable` values at
/// the end. Errors are `TOMLError.Reason`s; the parser adds the position.
struct TOMLTableBuilder {
    /// How a table came to exist, which decides what may add to it.
    enum Origin: Equatable {
        /// Named only as a prefix of a header (`a` in `[a.b]`): a header may still define it.
        case implicit
        /// Defined by its own `[header]`, or an element of an array of tables.
        case header
        /// Created by dotted keys in section `section` (only that section may add to it).
        case dotted(section: Int)
    }

    enum Entry {
        case value(TOMLValue)
        case table(Int)
        case arrayOfTables([Int])
    }

    struct Node {
        var origin: Origin
        var keys: [String] = []
        var entries: [String: Entry] = [:]
    }

    private(set) var nodes: [Node] = [Node(origin: .header)]
    /// The last section number given out: 0 is the document's top before the first
    /// header; each header and each inline table gets the next one.
    private var lastSection = 0
    static let root = 0

    /// A new section number (for a header, or an inline table's contents).
    mutating func newSection() -> Int {
        lastSection += 1
        return lastSection
    }

    /// A new, empty table not yet attached (an inline table's contents).
    mutating func detachedTable(section: Int) -> Int {
        nodes.append(Node(origin: .dotted(section: section)))
        return nodes.count - 1
    }

    /// `[path]`: the table it defines (created, or an implicit one made explicit).
    mutating func defineTable(_ path: [String]) throws(TOMLError.Reason) -> Int {
        let parent = try walkHeader(path.dropLast(), full: path)
        let key = path[path.count - 1]
        switch nodes[parent].entries[key] {
        case nil:
            return attach(Node(origin: .header), key, to: parent)
        case .table(let index):
            switch nodes[index].origin {
            case .implicit:
                nodes[index].origin = .header
                return index
            case .header: throw .tableDefinedTwice(Self.display(path))
            case .dotted: throw .headerForDottedTable(Self.display(path))
            }
        case .arrayOfTables: throw .arrayOfTablesAsTable(Self.display(path))
        case .value(let v): throw Self.closed(v, Self.display(path))
        }
    }

    /// `[[path]]`: a new table appended to the array of tables (created if needed).
    mutating func appendTable(_ path: [String]) throws(TOMLError.Reason) -> Int {
        let parent = try walkHeader(path.dropLast(), full: path)
        let key = path[path.count - 1]
        switch nodes[parent].entries[key] {
        case nil:
            nodes.append(Node(origin: .header))
            let index = nodes.count - 1
            nodes[parent].keys.append(key)
            nodes[parent].entries[key] = .arrayOfTables([index])
            return index
        case .arrayOfTables(var list):
            nodes.append(Node(origin: .header))
            list.append(nodes.count - 1)
            nodes[parent].entries[key] = .arrayOfTables(list)
            return nodes.count - 1
        case .table: throw .tableAsArrayOfTables(Self.display(path))
        case .value(.array): throw .staticArrayExtended(Self.display(path))
        case .value(let v): throw Self.closed(v, Self.display(path))
        }
    }

    /// `key.path = value` in table `table`, written in section `section` (dotted keys
    /// may add only to tables their own section created); `prefix` is the table's own
    /// path, for messages.
    mutating func assign(_ keyPath: [String], _ value: TOMLValue, in table: Int, section: Int,
                         prefix: [String]) throws(TOMLError.Reason) {
        var node = table
        for (i, key) in keyPath.dropLast().enumerated() {
            let shown = Self.display(prefix + keyPath[...i])
            switch nodes[node].entries[key] {
            case nil:
                node = attach(Node(origin: .dotted(section: section)), key, to: node)
            case .table(let index):
                switch nodes[index].origin {
                case .implicit: nodes[index].origin = .dotted(section: section)
                case .dotted(let s) where s == section: break
                case .dotted, .header: throw .dottedKeysIntoDefinedTable(shown)
                }
                node = index
            case .arrayOfTables: throw .dottedKeysIntoDefinedTable(shown)
            case .value(let v): throw Self.closed(v, shown)
            }
        }
        let key = keyPath[keyPath.count - 1]
        guard nodes[node].entries[key] == nil else { throw .duplicateKey(Self.display(prefix + keyPath)) }
        nodes[node].keys.append(key)
        nodes[node].entries[key] = .value(value)
    }

    /// The finished table at `index`.
    func table(_ index: Int) -> TOMLTable {
        var out = TOMLTable()
        let node = nodes[index]
        for key in node.keys {
            switch node.entries[key]! {
            case .value(let v): out[key] = v
            case .table(let i): out[key] = .table(table(i))
            case .arrayOfTables(let list): out[key] = .array(list.map { .table(table($0)) })
            }
        }
        return out
    }

    /// Follows a header's prefix, creating implicit tables; through an array of tables
    /// it goes to the last element.
    private mutating func walkHeader(_ prefix: ArraySlice<String>, full: [String]) throws(TOMLError.Reason) -> Int {
        var node = Self.root
        for (i, key) in prefix.enumerated() {
            switch nodes[node].entries[key] {
            case nil: node = attach(Node(origin: .implicit), key, to: node)
            case .table(let index): node = index
            case .arrayOfTables(let list): node = list[list.count - 1]
            case .value(let v): throw Self.closed(v, Self.display(Array(full[...i])))
            }
        }
        return node
    }

    private mutating func attach(_ child: Node, _ key: String, to parent: Int) -> Int {
        nodes.append(child)
        nodes[parent].keys.append(key)
        nodes[parent].entries[key] = .table(nodes.count - 1)
        return nodes.count - 1
    }

    /// Why a value that is not a header table cannot be added to.
    private static func closed(_ value: TOMLValue, _ key: String) -> TOMLError.Reason {
        switch value {
        case .table: return .inlineTableExtended(key)
        case .array: return .notATable(key, holds: "an array value")
        default: return .notATable(key, holds: value.kindDescription)
        }
    }

    /// `a."b c".d`: keys as TOML would write them.
    static func display(_ path: [String]) -> String {
        path.map(TOMLWriter.key).joined(separator: ".")
    }
}

/// The pieces psql draws aligned tables with for one `linestyle` (and, for unicode,
/// the `unicode_*_linestyle` choices): rules above, between and below, and the marks
/// for values continued on a new line or wrapped.
struct TableLineFormat {
    /// One horizontal rule: its line, left and right ends and column crossing.
    struct Rule {
        var horizontal: String
        var left: String
        var middle: String
        var right: String
    }

    enum RulePosition: Int { case top = 0, middle, bottom, data }

    var rules: [Rule]
    var midvruleNewline: String
    var midvruleWrap: String
    var midvruleBlank: String
    var headerNewlineLeft: String
    var headerNewlineRight: String
    var newlineLeft: String
    var newlineRight: String
    var wrapLeft: String
    var wrapRight: String
    /// True when the right-hand wrap mark needs its own column (not old-ascii).
    var wrapRightBorder: Bool
    var isOldAscii = false

    func rule(_ position: RulePosition) -> Rule { rules[position.rawValue] }

    static let ascii = TableLineFormat(
        rules: [Rule(horizontal: "-", left: "+", middle: "+", right: "+"),
                Rule(horizontal: "-", left: "+", middle: "+", right: "+"),
                Rule(horizontal: "-", left: "+", middle: "+", right: "+"),
                Rule(horizontal: "", left: "|", middle: "|", right: "|")],
        midvruleNewline: "|", midvruleWrap: "|", midvruleBlank: "|",
        headerNewlineLeft: " ", headerNewlineRight: "+", newlineLeft: " ", newlineRight: "+",
        wrapLeft: ".", wrapRight: ".", wrapRightBorder: true)

    static let oldAscii = TableLineFormat(
        rules: ascii.rules,
        midvruleNewline: ":", midvruleWrap: ";", midvruleBlank: " ",
        headerNewlineLeft: "+", headerNewlineRight: " ", newlineLeft: " ", newlineRight: " ",
        wrapLeft: " ", wrapRight: " ", wrapRightBorder: false, isOldAscii: true)

    /// psql's unicode style for the chosen single/double lines.
    static func unicode(border: PrintSettings.UnicodeLine, column: PrintSettings.UnicodeLine,
                        header: PrintSettings.UnicodeLine) -> TableLineFormat {
        let b = border == .double ? 1 : 0, c = column == .double ? 1 : 0, h = header == .double ? 1 : 0
        // Indexed [double border][…]: psql's box-drawing table.
        let horizontal = ["\u{2500}", "\u{2550}"]
        let verticalAndRight = [["\u{251C}", "\u{255F}"], ["\u{255E}", "\u{2560}"]]   // [header][border]
        let verticalAndLeft = [["\u{2524}", "\u{2562}"], ["\u{2561}", "\u{2563}"]]
        let vertical = ["\u{2502}", "\u{2551}"]
        let verticalAndHorizontal = [["\u{253C}", "\u{256A}"], ["\u{256B}", "\u{256C}"]] // [column][header]
        let upAndHorizontal = [["\u{2534}", "\u{2567}"], ["\u{2568}", "\u{2569}"]]       // [column][border]
        let downAndHorizontal = [["\u{252C}", "\u{2564}"], ["\u{2565}", "\u{2566}"]]
        let upAndRight = ["\u{2514}", "\u{255A}"], downAndRight = ["\u{250C}", "\u{2554}"]
        let downAndLeft = ["\u{2510}", "\u{2557}"], upAndLeft = ["\u{2518}", "\u{255D}"]
        let borderVertical = ["\u{2502}", "\u{2551}"]
        let top = Rule(horizontal: horizontal[b], left: downAndRight[b], middle: downAndHorizontal[c][b], right: downAndLeft[b])
        let middle = Rule(horizontal: horizontal[h], left: verticalAndRight[h][b], middle: verticalAndHorizontal[c][h],
                          right: verticalAndLeft[h][b])
        let bottom = Rule(horizontal: horizontal[b], left: upAndRight[b], middle: upAndHorizontal[c][b], right: upAndLeft[b])
        let data = Rule(horizontal: "", left: borderVertical[b], middle: vertical[c], right: borderVertical[b])
        return TableLineFormat(
            rules: [top, middle, bottom, data],
            midvruleNewline: vertical[c], midvruleWrap: vertical[c], midvruleBlank: vertical[c],
            headerNewlineLeft: " ", headerNewlineRight: "\u{21B5}", newlineLeft: " ", newlineRight: "\u{21B5}",
            wrapLeft: "\u{2026}", wrapRight: "\u{2026}", wrapRightBorder: true)
    }

    static func of(_ settings: PrintSettings) -> TableLineFormat {
        switch settings.lineStyle {
        case .ascii: return .ascii
        case .oldAscii: return .oldAscii
        case .unicode: return .unicode(border: settings.unicodeBorder, column: settings.unicodeColumn, header: settings.unicodeHeader)
        }
    }
}

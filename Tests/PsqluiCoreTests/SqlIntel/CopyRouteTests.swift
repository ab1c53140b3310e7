import Testing
@testable import PsqluiCore

/// The COPY fast path's decision: which statements COPY takes, and where the
/// statement ends inside the wrapper. nil = the ordinary path.
@Suite struct CopyRouteTests {
    @Test(arguments: [
        ("select * from t", CopyRoute.Kind?.some(.select), 15),
        ("select 1;", .select, 8),
        ("select 1 ; -- done", .select, 9),
        ("  values (1, 'a;b')", .select, 19),
        ("table t", .select, 7),
        ("with x as (select 1) select * from x", .select, 36),
        ("with x as (delete from t returning *) select * from x", .select, 53),
        ("insert into t values (1) returning *", .insert, 36),
        ("update t set a = 1 returning a", .update, 30),
        ("delete from t returning *", .delete, 25),
        ("with d as (select 1) delete from t returning *", .delete, 46),
        ("select 1 -- trailing comment", .select, 8),
        ("select /* ; */ ';'", .select, 18),
        ("select * from t for update", .select, 26),
        ("insert into t values (1)", nil, 0),
        ("update t set a = 1", nil, 0),
        ("with d as (select 1) delete from t", nil, 0),
        ("select 1; select 2", nil, 0),
        ("select * into t2 from t", nil, 0),
        ("show search_path", nil, 0),
        ("explain select 1", nil, 0),
        ("create table t (a int)", nil, 0),
        ("copy t to stdout", nil, 0),
        ("merge into t using s on true when matched then delete", nil, 0),
        ("select :x", nil, 0),
        ("select :'x'", nil, 0),
        ("select $1", nil, 0),
        ("select 1 \\g", nil, 0),
        ("select (1", nil, 0),
        ("select 1)", nil, 0),
        ("select 'open", nil, 0),
        ("(select 1)", nil, 0),
        ("", nil, 0),
    ] as [(String, CopyRoute.Kind?, Int)])
    func decision(_ sql: String, _ kind: CopyRoute.Kind?, _ length: Int) {
        let result = CopyRoute.analyze(Array(sql.utf8))
        #expect(result?.kind == kind, "\(sql)")
        if let result { #expect(result.length == length, "\(sql)") }
    }

    @Test func wrapperKeepsATrailingCommentOffTheParenthesis() {
        let sql = Array("select 1 -- c;".utf8)
        let (_, length) = CopyRoute.analyze(sql)!
        #expect(String(decoding: CopyRoute.wrap(sql, length: length, options: "FORMAT csv"), as: UTF8.self)
                == "COPY (select 1\n) TO STDOUT (FORMAT csv)")
    }

    @Test(arguments: [
        ("select nope", 8, "LINE 1: select nope\n               ^\n"),
        ("select 1,\n\tnope", 12, "LINE 2:  nope\n         ^\n"),
        ("select 'é', nope", 13, "LINE 1: select 'é', nope\n                    ^\n"),
        ("select '漢字', nope", 14, "LINE 1: select '漢字', nope\n                       ^\n"),
        ("select 1", 9, "LINE 1: select 1\n                ^\n"),
        ("select 1", 10, nil),
    ] as [(String, Int, String?)])
    func errorPosition(_ sql: String, _ position: Int, _ expected: String?) {
        #expect(ErrorPositionText.render(query: Array(sql.utf8), position: position) == expected)
    }

    @Test func longLinesAreCutAroundTheCaret() throws {
        // Compared with libpq's own rendering in CopyFastPathTests (errors on live psql).
        let sql = "select " + (1...40).map { "c\($0)" }.joined(separator: ", ") + ", nope from t"
        let position = ErrorPositionText.characterCount(Array(sql.utf8)) - 10
        let text = try #require(ErrorPositionText.render(query: Array(sql.utf8), position: position))
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasPrefix("LINE 1: ..."))
        #expect(lines[1].last == "^")
    }
}

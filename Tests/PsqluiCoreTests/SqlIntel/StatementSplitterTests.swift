import Testing
@testable import PsqluiCore

/// Statement boundaries and the exact text psql 15 sends (checked against the server
/// log of live psql with log_statement=all; the integration suite re-checks many of
/// these inputs against psql on every run).
@Suite struct StatementSplitterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let expected: [String]
        var testDescription: String { input.debugDescription }
        init(_ input: String, _ expected: [String]) { self.input = input; self.expected = expected }
    }

    static let basics: [Case] = [
        Case("select 1;", ["S:select 1;"]),
        Case("select 1", ["END:select 1"]),
        Case("", []),
        Case("\n\n\n", []),
        Case("   ", []),
        Case(";", ["S:;"]),
        Case(";;", ["S:;", "S:;"]),
        Case("select 1; select 2;", ["S:select 1;", "S:select 2;"]),
        Case("select 1;select 2;select 3", ["S:select 1;", "S:select 2;", "END:select 3"]),
        Case("  select 1;", ["S:select 1;"]),
        Case("\tselect 1;", ["S:select 1;"]),
        Case("select 1 ;", ["S:select 1 ;"]),
        Case("select\n1;", ["S:select\n1;"]),
        Case("select\n  1\n;", ["S:select\n  1\n;"]),
        Case("select\n\n1;", ["S:select\n1;"]),
        Case("select\n   \n1;", ["S:select\n   \n1;"]),
        Case("select 1;\n\nselect 2;", ["S:select 1;", "S:select 2;"]),
        Case("select 1;   ", ["S:select 1;"]),
        Case("select 1; -- trailing comment", ["S:select 1;"]),
        Case("select 1; /* tail */", ["S:select 1;", "END:/* tail */"]),
        Case("select 1\r", ["END:select 1\r"]),
        Case("select 1\r\n;\r", ["S:select 1\r\n;"]),
        Case("select 1;\r\nselect 2;\r", ["S:select 1;", "S:select 2;"]),
        Case("\r\nselect 1;", ["S:select 1;"]),
        Case("select 'a;b';", ["S:select 'a;b';"]),
        Case("select a$b$c';';", ["S:select a$b$c';';"]),
    ]

    static let comments: [Case] = [
        Case("-- only a comment", []),
        Case("-- one\n-- two\n", []),
        Case("-- lead\nselect 1;", ["S:select 1;"]),
        Case("   -- lead\n  select 1;", ["S:select 1;"]),
        Case("select 1 -- trailing\n;", ["S:select 1 -- trailing\n;"]),
        Case("select 1 -- a; b\n, 2;", ["S:select 1 -- a; b\n, 2;"]),
        Case("select 1 --;\n;", ["S:select 1 --;\n;"]),
        Case("/* only a block */", ["END:/* only a block */"]),
        Case("/* lead */ select 1;", ["S:/* lead */ select 1;"]),
        Case("select /* ; */ 1;", ["S:select /* ; */ 1;"]),
        Case("select /* a /* b */ ; */ 4;", ["S:select /* a /* b */ ; */ 4;"]),
        Case("select /* a\n;\n*/ 1;", ["S:select /* a\n;\n*/ 1;"]),
        Case("select /* a\n\n*/ 1;", ["S:select /* a\n\n*/ 1;"]),
        Case("select 1 /* open", ["OPEN:blockComment@1"]),
        Case("select 1;\n/* a /* b */\nstill;", ["S:select 1;", "OPEN:blockComment@2"]),
        Case("select 1 /*/ ; */;", ["S:select 1 /*/ ; */;"]),
        Case("select 1 /** ; **/;", ["S:select 1 /** ; **/;"]),
        Case("select 2 +/* c */ 1;", ["S:select 2 +/* c */ 1;"]),
        Case("select 2 +-- c\n1;", ["S:select 2 +-- c\n1;"]),
        Case("select 2 */ 1;", ["S:select 2 */ 1;"]),
        Case("select '--';", ["S:select '--';"]),
        Case("select '/*';", ["S:select '/*';"]),
        Case("select \"--\";", ["S:select \"--\";"]),
        Case("select $$--$$;", ["S:select $$--$$;"]),
        Case("-- c\n\n-- d\nselect\n-- e\n1;", ["S:select\n-- e\n1;"]),
        Case("select 1 -- x\r\n;", ["S:select 1 -- x\r\n;"]),
    ]

    static let quotes: [Case] = [
        Case("select 'it''s;';", ["S:select 'it''s;';"]),
        Case("select '';", ["S:select '';"]),
        Case("select '''';", ["S:select '''';"]),
        Case("select 'a\\';b';", ["S:select 'a\\';", "OPEN:singleQuote@1"]),
        Case("select E'it\\'s;';", ["S:select E'it\\'s;';"]),
        Case("select e'it\\'s;';", ["S:select e'it\\'s;';"]),
        Case("select E'a''b;';", ["S:select E'a''b;';"]),
        Case("select E'\\\\';", ["S:select E'\\\\';"]),
        Case("select E'\\\\'';';", ["S:select E'\\\\'';';"]),
        Case("select 'a\nb;\n';", ["S:select 'a\nb;\n';"]),
        Case("select 'a\n\nb';", ["S:select 'a\n\nb';"]),
        Case("select 'open", ["OPEN:singleQuote@1"]),
        Case("select 1;\nselect 'x\n;\n", ["S:select 1;", "OPEN:singleQuote@2"]),
        Case("select E'trail\\\n';", ["S:select E'trail\\\n';"]),
        Case("select \"a;b\";", ["S:select \"a;b\";"]),
        Case("select \"a\"\"b;\";", ["S:select \"a\"\"b;\";"]),
        Case("select \"open", ["OPEN:doubleQuote@1"]),
        Case("select \"a\\\";\";", ["S:select \"a\\\";", "OPEN:doubleQuote@1"]),
        Case("select B'01;';", ["S:select B'01;';"]),
        Case("select b'01;';", ["S:select b'01;';"]),
        Case("select X'ab;';", ["S:select X'ab;';"]),
        Case("select x'a\\';';", ["S:select x'a\\';", "OPEN:singleQuote@1"]),
        Case("select N'n;';", ["S:select N'n;';"]),
        Case("select U&'d\\0061t;a';", ["S:select U&'d\\0061t;a';"]),
        Case("select U&'a\\';b';", ["S:select U&'a\\';", "OPEN:singleQuote@1"]),
        Case("select U&\"x;y\";", ["S:select U&\"x;y\";"]),
        Case("select u&'x;';", ["S:select u&'x;';"]),
        Case("select xe'a\\';b';", ["S:select xe'a\\';", "OPEN:singleQuote@1"]),
        Case("select ee'a\\';b';", ["S:select ee'a\\';", "OPEN:singleQuote@1"]),
        Case("select 'a' 'b;';", ["S:select 'a' 'b;';"]),
        Case("select 'a'\n'b;';", ["S:select 'a'\n'b;';"]),
    ]

    static let dollarQuotes: [Case] = [
        Case("select $$a;b$$;", ["S:select $$a;b$$;"]),
        Case("select $t$ $$ ; $t$;", ["S:select $t$ $$ ; $t$;"]),
        Case("select $a$ $b$ ; $b$ $a$;", ["S:select $a$ $b$ ; $b$ $a$;"]),
        Case("select $x$\n;\n$x$;", ["S:select $x$\n;\n$x$;"]),
        Case("select $x$\n\n$x$;", ["S:select $x$\n\n$x$;"]),
        Case("select $$ open", ["OPEN:dollarQuote@1"]),
        Case("select 1;\n\nselect $f$\nbody;\n", ["S:select 1;", "OPEN:dollarQuote@3"]),
        Case("select $1;", ["S:select $1;"]),
        Case("select $1, $2;", ["S:select $1, $2;"]),
        Case("select $12$ ; $12$;", ["S:select $12$ ;", "S:$12$;"]),
        Case("select $_$;$_$;", ["S:select $_$;$_$;"]),
        Case("select $a1$;$a1$;", ["S:select $a1$;$a1$;"]),
        Case("select $1a$;$1a$;", ["S:select $1a$;", "S:$1a$;"]),
        Case("select $a$;$junk$a$;", ["S:select $a$;$junk$a$;"]),
        Case("select $a$;$A$;", ["OPEN:dollarQuote@1"]),
        Case("select $ab;", ["S:select $ab;"]),
        Case("select $;", ["S:select $;"]),
        Case("select a$$b;", ["S:select a$$b;"]),
        Case("select 1$$;$$;", ["S:select 1$$;$$;"]),
        Case("select '$$';", ["S:select '$$';"]),
        Case("select $$'$$;", ["S:select $$'$$;"]),
        Case("select $q$/*$q$;", ["S:select $q$/*$q$;"]),
        Case("create function f() returns int as $$\nbegin\n  return 1;\nend;\n$$ language plpgsql;",
             ["S:create function f() returns int as $$\nbegin\n  return 1;\nend;\n$$ language plpgsql;"]),
        Case("do $body$ begin perform 1; end $body$;", ["S:do $body$ begin perform 1; end $body$;"]),
    ]

    static let numbers: [Case] = [
        Case("select 1e'x\\' ;', 2;", ["S:select 1e'x\\' ;", "OPEN:singleQuote@1"]),
        Case("select 1ee'x\\' ;', 2;", ["S:select 1ee'x\\' ;", "OPEN:singleQuote@1"]),
        Case("select 1.e'y\\' ;', 3;", ["S:select 1.e'y\\' ;", "OPEN:singleQuote@1"]),
        Case("select 1.5e'y\\' ;', 3;", ["S:select 1.5e'y\\' ;", "OPEN:singleQuote@1"]),
        Case("select 1e5e'y\\' ;', 3;", ["S:select 1e5e'y\\' ;", "OPEN:singleQuote@1"]),
        Case("select 1e+e'y\\' ;', 3;", ["S:select 1e+e'y\\' ;', 3;"]),
        Case("select $1ee'x\\' ;', 3;", ["S:select $1ee'x\\' ;", "OPEN:singleQuote@1"]),
        Case("select 1 e'x\\';';", ["S:select 1 e'x\\';';"]),
        Case("select .5e'x\\';', 1;", ["S:select .5e'x\\';", "OPEN:singleQuote@1"]),
        Case("select 1..e'x\\';';", ["S:select 1..e'x\\';';"]),
    ]

    static let parentheses: [Case] = [
        Case("(select 9; select 10);", ["S:(select 9; select 10);"]),
        Case("select (1\n\n   \n)\n;", ["S:select (1\n   \n)\n;"]),
        Case("create rule r as on insert to t do also (insert into a values (1); insert into b values (2));",
             ["S:create rule r as on insert to t do also (insert into a values (1); insert into b values (2));"]),
        Case("select (1;", ["END:select (1;"]),
        Case("select 1);", ["S:select 1);"]),
        Case("select ')';", ["S:select ')';"]),
        Case("select ((1)); select 2;", ["S:select ((1));", "S:select 2;"]),
        Case("select \"(\";", ["S:select \"(\";"]),
        Case("select /* ( */ 1;", ["S:select /* ( */ 1;"]),
        Case("select $$($$;", ["S:select $$($$;"]),
    ]

    static let beginAtomic: [Case] = [
        Case("create function f1() returns int language sql begin atomic select 1; select 2; end;",
             ["S:create function f1() returns int language sql begin atomic select 1; select 2; end;"]),
        Case("create or replace procedure p1() language sql begin atomic select 1; end;",
             ["S:create or replace procedure p1() language sql begin atomic select 1; end;"]),
        Case("CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\nEND;",
             ["S:CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\nEND;"]),
        Case("create function f() returns int language sql begin atomic select case when true then 1 end; end;",
             ["S:create function f() returns int language sql begin atomic select case when true then 1 end; end;"]),
        Case("create procedure p() language sql begin atomic select 1; end; select 2;",
             ["S:create procedure p() language sql begin atomic select 1; end;", "S:select 2;"]),
        Case("begin; select 1; end;", ["S:begin;", "S:select 1;", "S:end;"]),
        Case("create table begin_t(a int); select 1;", ["S:create table begin_t(a int);", "S:select 1;"]),
        Case("create or replace function f() returns int as $$ begin return 1; end $$ language plpgsql; select 2;",
             ["S:create or replace function f() returns int as $$ begin return 1; end $$ language plpgsql;", "S:select 2;"]),
        Case("create function f() returns int language sql begin atomic select 1;", ["END:create function f() returns int language sql begin atomic select 1;"]),
        Case("create function f(a int default (begin)) returns int language sql return 1; select 2;",
             ["S:create function f(a int default (begin)) returns int language sql return 1;", "S:select 2;"]),
    ]

    static let backslashSemicolon: [Case] = [
        Case("select 1 \\; select 2;", ["S:select 1 ; select 2;"]),
        Case("select 1 \\:x;", ["S:select 1 :x;"]),
        Case("select '\\;';", ["S:select '\\;';"]),
    ]

    static let metaCommands: [Case] = [
        Case("\\echo hi", ["M:echo| hi"]),
        Case("\\d+ t", ["M:d+| t"]),
        Case("\\?", ["M:?|"]),
        Case("\\! echo a \\echo b", ["M:!| echo a \\echo b"]),
        Case("\\copy t from 'x' \\\\ foo", ["M:copy| t from 'x' \\\\ foo"]),
        Case("\\.", ["M:.|"]),
        Case("\\echo a\\echo b", ["M:echo| a", "M:echo| b"]),
        Case("\\echo a \\\\ select 3;", ["M:echo| a ", "S:select 3;"]),
        Case("\\echo 'a \\ b' c", ["M:echo| 'a \\ b' c"]),
        Case("\\echo \"a \\ b\" c", ["M:echo| \"a \\ b\" c"]),
        Case("\\echo `echo \\ x` c", ["M:echo| `echo \\ x` c"]),
        Case("\\echo 'it\\'s \\ x' y", ["M:echo| 'it\\'s \\ x' y"]),
        Case("select 1 \\g", ["M:g||<select 1 "]),
        Case("select 1 \\g out.txt", ["M:g| out.txt|<select 1 "]),
        Case("select 1 \\g | cat \\x", ["M:g| | cat \\x|<select 1 "]),
        Case("select 1 \\gx", ["M:gx||<select 1 "]),
        Case("select 1 \\gset p_", ["M:gset| p_|<select 1 "]),
        Case("select 1\n\\g", ["M:g||<select 1"]),
        Case("select 1\n\\g\nselect 2;", ["M:g||<select 1", "S:select 2;"]),
        Case("select 5 \\echo hi\n;", ["M:echo| hi|<select 5 ", "S:select 5 \n;"]),
        Case("select 6\n\\echo x\n;", ["M:echo| x|<select 6", "S:select 6\n;"]),
        Case("select 1\n  \\echo x\n;", ["M:echo| x|<select 1\n  ", "S:select 1\n  \n;"]),
        Case("select 1 \\r", ["M:r||<select 1 "]),
        Case("select 1 \\r\nselect 2;", ["M:r||<select 1 ", "S:select 2;"]),
        Case("select (1 \\g\nselect 2;", ["M:g||<select (1 ", "S:select 2;"]),
        Case("select 'a \\g';", ["S:select 'a \\g';"]),
        Case("select $$ \\g $$;", ["S:select $$ \\g $$;"]),
        Case("select /* \\g */ 1;", ["S:select /* \\g */ 1;"]),
        Case("select 1 -- \\g\n;", ["S:select 1 -- \\g\n;"]),
        Case("select \"\\g\";", ["S:select \"\\g\";"]),
        Case("\\set x 1\nselect 1;", ["M:set| x 1", "S:select 1;"]),
        Case("select 1; \\echo done", ["S:select 1;", "M:echo| done"]),
        Case("\\echo x \\g", ["M:echo| x ", "M:g|"]),
        Case("\\o | cat \\echo", ["M:o| | cat \\echo"]),
        Case("\\o out \\echo", ["M:o| out ", "M:echo|"]),
        Case("\\h select \\x", ["M:h| select \\x"]),
        Case("\\", ["M:|"]),
        Case("select 1 \\\\ select 2;", ["M:|\\ select 2;|<select 1 ", "END:select 1 "]),
        Case("\\echo :'x y", ["M:echo| :'x y"]),
        Case("\\echo :'x' \\echo", ["M:echo| :'x' ", "M:echo|"]),
        Case("select 1 \\watch 2", ["M:watch| 2|<select 1 "]),
        Case("\\if true\nselect 1;\n\\endif", ["M:if| true", "S:select 1;", "M:endif|"]),
        Case("copy t from stdin;\n\\.", ["S:copy t from stdin;", "M:.|"]),
        Case("\\echo a\r", ["M:echo| a\r"]),
        Case("\\set v 'x;y'", ["M:set| v 'x;y'"]),
    ]

    static let variables: [Case] = [
        Case("select :v;", ["S:select 42;"]),
        Case("select :nope;", ["S:select :nope;"]),
        Case("select :'v';", ["S:select '42';"]),
        Case("select :\"v\";", ["S:select \"42\";"]),
        Case("select :'q';", ["S:select 'it''s';"]),
        Case("select :\"dq\";", ["S:select \"a\"\"b\";"]),
        Case("select :'bs';", ["S:select  E'a\\\\b';"]),
        Case("select :'nope', :\"nope\";", ["S:select :'nope', :\"nope\";"]),
        Case("select 1::int;", ["S:select 1::int;"]),
        Case("select 1:::v;", ["S:select 1::42;"]),
        Case("select a:=1;", ["S:select a:=1;"]),
        Case("select :v:v;", ["S:select 4242;"]),
        Case("select ':v';", ["S:select ':v';"]),
        Case("select \":v\";", ["S:select \":v\";"]),
        Case("select $$:v$$;", ["S:select $$:v$$;"]),
        Case("select /* :v */ 1;", ["S:select /* :v */ 1;"]),
        Case("select 1 -- :v\n;", ["S:select 1 -- :v\n;"]),
        Case(":stmt;", ["S:select 1;", "S:select 2;"]),
        Case("select :semi 3;", ["S:select y;", "S:z 3;"]),
        Case("select :open;", ["OPEN:singleQuote@1"]),
        Case("select :open';", ["S:select 'x';"]),
        Case("select :self;", ["S:select :self;"]),
        Case("select :outer;", ["S:select (42);"]),
        Case("select :{?v}, :{?nope};", ["S:select TRUE, FALSE;"]),
        Case("select :'v", ["OPEN:singleQuote@1"]),
        Case("select :'v x';", ["S:select :'v x';"]),
        Case("select :", ["END:select :"]),
        Case("select :;", ["S:select :;"]),
    ]

    static let vars: [String: String] = [
        "v": "42", "q": "it's", "dq": "a\"b", "bs": "a\\b", "stmt": "select 1; select 2",
        "semi": "y;z", "open": "'x", "self": ":self", "outer": "(:v)",
    ]

    @Test(arguments: basics + comments + quotes + dollarQuotes + numbers + parentheses + beginAtomic + backslashSemicolon + metaCommands)
    func splits(_ c: Case) {
        #expect(splitRendered(c.input) == c.expected)
    }

    @Test(arguments: variables)
    func interpolatesVariables(_ c: Case) {
        #expect(splitRendered(c.input, variables: Self.vars) == c.expected)
    }

    @Test(arguments: [
        Case("select :v;", ["S:select :v;"]),
        Case("select :'v';", ["S:select :'v';"]),
        Case("select :{?v};", ["S:select :{?v};"]),
    ])
    func leavesVariablesAloneWithoutLookup(_ c: Case) {
        #expect(splitRendered(c.input) == c.expected)
    }

    static let nonStandardStrings: [Case] = [
        Case("select 'a\\';b';", ["S:select 'a\\';b';"]),
        Case("select 'c\\\\';", ["S:select 'c\\\\';"]),
        Case("select 'a''b;';", ["S:select 'a''b;';"]),
        Case("select N'a\\';b';", ["S:select N'a\\';b';"]),
        Case("select U&'a\\';b';", ["S:select U&'a\\';", "OPEN:singleQuote@1"]),
        Case("select \"a\\\";", ["S:select \"a\\\";"]),
        Case("select $$a\\$$;", ["S:select $$a\\$$;"]),
        Case("select b'1\\';b';", ["S:select b'1\\';", "OPEN:singleQuote@1"]),
    ]

    @Test(arguments: nonStandardStrings)
    func nonStandardConformingStrings(_ c: Case) {
        #expect(splitRendered(c.input, standardStrings: false) == c.expected)
    }
}

/// Whole TOML documents written for comparing our reader with Python's tomllib
/// (`TOMLReferenceTests`): each valid one must read the same in both, each invalid one
/// must be refused by both. (Written for psqlui; no third-party test files.)
enum TOMLCorpus {
    static let valid: [(name: String, text: String)] = [
        ("psqlui-config", #"""
        # psqlui's user config
        warn_destructive = false
        pager = "less -SRFX"
        trusted_projects = [
          "/home/me/work/app",   # the app
          '/srv/reports',
        ]

        [display]
        border = 2
        null = "¤"
        format = 'aligned'

        [history]
        size = 5_000

        [plugins]
        yaml = false

        [plugins.explain]
        bar_width = 30
        enabled = true

        [connections.reporting]
        host = "db.example.com"
        port = 5432
        init = ["set statement_timeout = '30s'", "set search_path = reporting"]
        prompt = "%[%033[1;31m%]prod%[%033[0m%] %/%R%# "
        """#),
        ("named-queries", #"""
        # psqlui's named queries
        [queries]
        by_status = """
        select *
        from orders
        where status = '$1'"""
        "two words" = "select 1"
        "it's" = 'select 2'
        """#),
        ("spec-example", #"""
        # This is a TOML document

        title = "TOML Example"

        [owner]
        name = "Tom Preston-Werner"
        dob = 1979-05-27T07:32:00-08:00

        [database]
        enabled = true
        ports = [ 8000, 8001, 8002 ]
        data = [ ["delta", "phi"], [3.14] ]
        temp_targets = { cpu = 79.5, case = 72.0 }

        [servers]

        [servers.alpha]
        ip = "10.0.0.1"
        role = "frontend"

        [servers.beta]
        ip = "10.0.0.2"
        role = "backend"
        """#),
        ("dotted-keys", """
        name = "Orange"
        physical.color = "orange"
        physical.shape = "round"
        site."google.com" = true
        fruit.apple.smooth = true
        fruit.orange = 2
        3.14159 = "pi"
        """),
        ("dotted-then-subtable", """
        [fruit]
        apple.color = "red"
        apple.taste.sweet = true

        [fruit.apple.texture]
        smooth = true
        """),
        ("implicit-then-defined", """
        # [x] [x.y] [x.y.z] need not be given
        [x.y.z.w]
        a = 1
        [x]
        b = 2
        [x.y]
        c = 3
        """),
        ("implicit-then-dotted", """
        [a.b.c]
        z = 1
        [a]
        b.d = 2
        """),
        ("out-of-order", """
        [fruit.apple]
        [animal]
        [fruit.orange]
        """),
        ("array-of-tables", """
        [[products]]
        name = "Hammer"
        sku = 738594937

        [[products]]  # empty table within the array

        [[products]]
        name = "Nail"
        sku = 284758393

        color = "gray"
        """),
        ("nested-array-of-tables", """
        [[fruits]]
        name = "apple"

        [fruits.physical]  # subtable
        color = "red"
        shape = "round"

        [[fruits.varieties]]  # nested array of tables
        name = "red delicious"

        [[fruits.varieties]]
        name = "granny smith"


        [[fruits]]
        name = "banana"

        [[fruits.varieties]]
        name = "plantain"
        """),
        ("array-of-tables-with-dotted", """
        [[a]]
        b.c = 1
        [[a]]
        b.c = 2
        [a.b.d]
        e = 3
        """),
        ("integers", """
        int1 = +99
        int2 = 42
        int3 = 0
        int4 = -17
        int5 = 1_000
        int6 = 5_349_221
        int7 = 53_49_221
        int8 = 1_2_3_4_5
        hex1 = 0xDEADBEEF
        hex2 = 0xdeadbeef
        hex3 = 0xdead_beef
        oct1 = 0o01234567
        oct2 = 0o755
        bin1 = 0b11010110
        max = 9223372036854775807
        min = -9223372036854775808
        hexmax = 0x7fffffffffffffff
        octmax = 0o777777777777777777777
        binmax = 0b111111111111111111111111111111111111111111111111111111111111111
        """),
        ("floats", """
        flt1 = +1.0
        flt2 = 3.1415
        flt3 = -0.01
        flt4 = 5e+22
        flt5 = 1e06
        flt6 = -2E-2
        flt7 = 6.626e-34
        flt8 = 224_617.445_991_228
        sf1 = inf
        sf2 = +inf
        sf3 = -inf
        sf4 = nan
        sf5 = +nan
        sf6 = -nan
        zero = 0.0
        negzero = -0.0
        tiny = 4.9e-324
        big = 1.7976931348623157e308
        over = 1e400
        long = 3.141592653589793238462643383279
        exp0 = 1e-0
        expzeros = 1e0001
        """),
        ("strings", #"""
        str1 = "I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF."
        str2 = """
        Roses are red
        Violets are blue"""
        str3 = """
        The quick brown \


          fox jumps over \
            the lazy dog."""
        str4 = """\
               The quick brown \
               fox jumps over \
               the lazy dog.\
               """
        str5 = """Here are two quotation marks: "". Simple enough."""
        str6 = """Here are three quotation marks: ""\"."""
        str7 = """Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"."""
        str8 = """"This," she said, "is just a pointless statement.""""
        winpath  = 'C:\Users\nodejs\templates'
        winpath2 = '\\ServerX\admin$\system32\'
        quoted   = 'Tom "Dubs" Preston-Werner'
        regex    = '<\i\c*\s*>'
        regex2 = '''I [dw]on't need \d{2} apples'''
        lines  = '''
        The first newline is
        trimmed in raw strings.
           All other whitespace
           is preserved.
        '''
        quot15 = '''Here are fifteen quotation marks: """""""""""""""'''
        apos15 = "Here are fifteen apostrophes: '''''''''''''''"
        str9 = ''''That,' she said, 'is still pointless.''''
        escapes = "\b\t\n\f\r\"\\\u0000\u001F\u007F\U0001F600"
        unicode = "日本語 ελληνικά 😀"
        empty = ""
        empty_ml = """"""
        empty_lit = ''
        empty_ml_lit = ''''''
        tab_in_ml = """a	b"""
        hash = "# not a comment" # but this is
        """#),
        ("crlf", "a = 1\r\n[t]\r\nb = \"\"\"\r\nx\r\ny\"\"\"\r\nc = '''\r\nl\r\n'''\r\n# comment\r\nd = [\r\n  1,\r\n]\r\n"),
        ("dates", """
        odt1 = 1979-05-27T07:32:00Z
        odt2 = 1979-05-27T00:32:00-07:00
        odt3 = 1979-05-27T00:32:00.999999-07:00
        odt4 = 1979-05-27 07:32:00Z
        odt5 = 1979-05-27t07:32:00z
        odt6 = 2000-01-01T00:00:00+14:00
        odt7 = 1979-05-27T00:32:00.1234567+05:30
        ldt1 = 1979-05-27T07:32:00
        ldt2 = 1979-05-27T00:32:00.999999
        ldt3 = 1979-05-27 00:32:00.5
        ld1 = 1979-05-27
        ld2 = 2000-02-29
        ld3 = 0001-01-01
        lt1 = 07:32:00
        lt2 = 00:32:00.999999
        lt3 = 23:59:59.123
        arr = [1979-05-27, 07:32:00, 1979-05-27T07:32:00Z]
        """),
        ("arrays", """
        integers = [ 1, 2, 3 ]
        colors = [ "red", "yellow", "green" ]
        nested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]
        nested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]
        string_array = [ "all", 'strings', \"\"\"are the same\"\"\", '''type''' ]
        numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]
        contributors = [
          "Foo Bar <foo@example.com>",
          { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" }
        ]
        integers2 = [
          1, 2, 3
        ]
        integers3 = [
          1,
          2, # this is ok
        ]
        comments = [ # start
          # alone
          1 # after
          , # comma on its own line
          # before end
        ] # after end
        empty = [
        ]
        deep = [[[[[[1]]]]]]
        """),
        ("inline-tables", """
        name = { first = "Tom", last = "Preston-Werner" }
        point = { x = 1, y = 2 }
        animal = { type.name = "pug" }
        nested = { a = { b = { c = [1, { d = 2 }] } } }
        empty = {}
        spaced = {  a  =  1  ,  b  =  2  }
        quoted = { "a b" = 1, 'c.d' = 2 }
        points = [ { x = 1, y = 2, z = 3 },
                   { x = 7, y = 8, z = 9 },
                   { x = 2, y = 4, z = 8 } ]
        """),
        ("keys", """
        key = "value"
        bare_key = "value"
        bare-key = "value"
        1234 = "value"
        "127.0.0.1" = "value"
        "character encoding" = "value"
        "ʎǝʞ" = "value"
        'key2' = "value"
        'quoted "value"' = "value"
        "" = "blank"
        fruit . color = "yellow"
        fruit. flavor = "banana"
        "\\u0041" = "escaped key"
        "a\\nb" = "newline in key"
        true = 1
        false = 2
        inf = 3
        nan = 4
        [ "quoted table" . 'and' . bare ]
        x = 1
        [ "quoted table" . '' ]
        y = 2
        """),
        ("whitespace-and-comments", "\n\n   # indented comment\n\t\t# tabbed\n  a = 1   \n\t[ t ]\t# header comment\n\tb = 2\t# value comment\n#\n##\n# ## #\n\n"),
        ("no-trailing-newline", "a = 1\n[b]\nc = 2"),
        ("empty", ""),
        ("only-comments", "# one\n# two\n"),
        ("subtable-of-array-in-array", """
        [[a]]
        [[a.b]]
        [a.b.c]
        d = 1
        [[a.b]]
        [a.b.c]
        d = 2
        """),
        ("array-table-after-table", """
        [a]
        x = 1
        [[a.b]]
        y = 1
        [[a.b]]
        y = 2
        """),
        ("long-values", "long = \"" + String(repeating: "x", count: 10_000) + "\"\narr = [" + (0..<1000).map(String.init).joined(separator: ",") + "]\n"),
        ("unicode-comments-and-strings", "# Grüße, 日本, 😀\na = \"Grüße\" # 😀\nb = '日本'\n"),
        ("lone-quotes-in-multiline", #"""
        a = """ " "" " """
        b = ''' ' '' ' '''
        c = """""\""""
        """#),
        ("line-ending-backslash-crlf", "a = \"\"\"x \\\r\n   y\"\"\"\n"),
    ]

    static let invalid: [(name: String, text: String)] = [
        ("table-twice", "[a]\nb = 1\n[a]\nc = 2\n"),
        ("table-twice-nested", "[a.b]\n[x]\n[a.b]\n"),
        ("table-after-dotted", "[fruit]\napple.color = \"red\"\n[fruit.apple]\n"),
        ("table-after-dotted-deep", "[fruit]\napple.taste.sweet = true\n[fruit.apple.taste]\n"),
        ("dotted-into-header-table", "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n"),
        ("dotted-into-deeper-header-table", "[a.b.c.d]\nz = 9\n[a]\nb.c.d.k.t = 1\n"),
        ("dotted-redefines-value", "a.b = 1\na.b.c = 2\n"),
        ("dotted-key-after-value", "fruit.apple = 1\nfruit.apple.smooth = true\n"),
        ("dotted-overwrites-table", "a = {}\na.b = 1\n"),
        ("inline-extended-by-header", "a = {b = 1}\n[a.c]\n"),
        ("inline-extended-by-array-header", "a = {b = 1}\n[[a.c]]\n"),
        ("inline-nested-extended", "a = {b = {c = 1}}\n[a.b]\n"),
        ("inline-multiline", "a = {\n  b = 1\n}\n"),
        ("inline-trailing-comma", "a = {b = 1,}\n"),
        ("inline-duplicate", "a = {b = 1, b = 2}\n"),
        ("inline-dotted-conflict", "a = {b.c = 1, b = 2}\n"),
        ("static-array-extended", "a = [1]\n[[a]]\n"),
        ("static-array-of-tables-extended", "a = [{b = 1}]\n[[a]]\n"),
        ("static-array-subtable", "a = [{b = 1}]\n[a.c]\n"),
        ("array-of-tables-then-table", "[[a]]\n[a]\n"),
        ("table-then-array-of-tables", "[a]\n[[a]]\n"),
        ("value-then-table", "a = 1\n[a]\n"),
        ("value-then-subtable", "a = 1\n[a.b]\n"),
        ("key-twice", "a = 1\nb = 2\na = 3\n"),
        ("key-twice-quoted", "a = 1\n'a' = 2\n"),
        ("key-twice-in-table", "[t]\na = 1\na = 2\n"),
        ("key-defines-header-table", "[a.b]\nc = 1\n[a]\nb = 2\n"),
        ("header-redefines-key", "[a]\nb = 1\n[a.b]\n"),
        ("dotted-in-array-element-then-header", "[[a]]\nb.c = 1\n[a.b]\n"),
        ("dotted-through-array-of-tables", "[[a.b]]\n[a]\nb.c = 1\n"),
        ("unclosed-array", "a = [1, 2\nb = 3\n"),
        ("unclosed-inline", "a = {b = 1\n"),
        ("unclosed-ml-string", "a = \"\"\"\nnever closed\n"),
        ("unclosed-ml-literal", "a = '''\nnever closed\n"),
        ("string-newline", "a = \"line\nbreak\"\n"),
        ("literal-newline", "a = 'line\nbreak'\n"),
        ("bad-escape", "a = \"\\z\"\n"),
        ("surrogate-escape", "a = \"\\uD83D\\uDE00\"\n"),
        ("escape-too-big", "a = \"\\U00110000\"\n"),
        ("ml-backslash-space-text", "a = \"\"\"x \\ y\"\"\"\n"),
        ("six-quotes", "a = \"\"\"x\"\"\"\"\"\"\n"),
        ("control-in-string", "a = \"x\u{1B}y\"\n"),
        ("del-in-literal", "a = 'x\u{7F}'\n"),
        ("control-in-comment", "a = 1 # x\u{01}\n"),
        ("null-in-comment", "# \u{00}\n"),
        ("bare-cr", "a = 1\rb = 2\n"),
        ("bare-cr-in-ml", "a = \"\"\"x\ry\"\"\"\n"),
        ("cr-in-comment", "# x\ry\n"),
        ("leading-zero", "a = 007\n"),
        ("double-underscore", "a = 1__0\n"),
        ("trailing-underscore", "a = 10_\n"),
        ("hex-sign", "a = +0xFF\n"),
        ("hex-uppercase-prefix", "a = 0XFF\n"),
        ("int-overflow", "a = 9223372036854775808\n"),
        ("int-underflow", "a = -9223372036854775809\n"),
        ("hex-overflow", "a = 0x10000000000000000\n"),
        ("float-no-int", "a = .5\n"),
        ("float-no-frac", "a = 5.\n"),
        ("float-exp-dot", "a = 1e2.0\n"),
        ("float-leading-zero", "a = 03.14\n"),
        ("float-underscore-dot", "a = 1_.0\n"),
        ("inf-capital", "a = Inf\n"),
        ("nan-capital", "a = NaN\n"),
        ("bool-capital", "a = TRUE\n"),
        ("bare-string", "a = hello\n"),
        ("date-bad-month", "a = 2020-13-01\n"),
        ("date-bad-day", "a = 2021-02-29\n"),
        ("date-century-not-leap", "a = 2100-02-29\n"),
        ("time-no-seconds", "a = 12:30\n"),
        ("datetime-no-seconds", "a = 2020-01-01T12:30\n"),
        ("time-hour-24", "a = 24:00:00\n"),
        ("time-with-offset", "a = 12:30:00Z\n"),
        ("datetime-bad-offset", "a = 2020-01-01T12:30:00+1:00\n"),
        ("datetime-offset-no-colon", "a = 2020-01-01T12:30:00+0100\n"),
        ("date-no-pad", "a = 2020-1-01\n"),
        ("datetime-two-spaces", "a = 2020-01-01  12:30:00\n"),
        ("fraction-no-digits", "a = 12:30:00.\n"),
        ("value-missing", "a =\n"),
        ("key-missing", "= 1\n"),
        ("two-values", "a = 1 2\n"),
        ("two-keys-one-line", "a = 1 b = 2\n"),
        ("header-unclosed", "[a\n"),
        ("header-trailing-text", "[a] b = 1\n"),
        ("header-empty", "[]\n"),
        ("array-header-spaced-brackets", "[ [a] ]\n"),
        ("array-header-unclosed", "[[a]\n"),
        ("key-multiline-string", "\"\"\"a\"\"\" = 1\n"),
        ("key-with-space", "a b = 1\n"),
        ("key-dot-dot", "a..b = 1\n"),
        ("key-trailing-dot", "a. = 1\n"),
        ("key-newline-before-equals", "a\n= 1\n"),
        ("value-on-next-line", "a =\n1\n"),
        ("array-missing-comma", "a = [1 2]\n"),
        ("array-double-comma", "a = [1,,2]\n"),
        ("array-only-comma", "a = [,]\n"),
        ("bom-in-middle", "a = 1\n\u{FEFF}b = 2\n"),
        ("non-ascii-bare-key", "ключ = 1\n"),
        ("nbsp-whitespace", "a =\u{A0}1\n"),
        ("vertical-tab", "a = 1\u{0B}\n"),
        ("form-feed-whitespace", "a =\u{0C}1\n"),
    ]

    /// Raw bytes that are not UTF-8 (both readers refuse them).
    static let invalidBytes: [(name: String, bytes: [UInt8])] = [
        ("invalid-utf8-in-string", Array("a = \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)),
        ("invalid-utf8-in-comment", Array("# ".utf8) + [0xFF] + Array("\n".utf8)),
        ("overlong-utf8", Array("a = '".utf8) + [0xC0, 0xAF] + Array("'\n".utf8)),
        ("surrogate-utf8", Array("a = '".utf8) + [0xED, 0xA0, 0x80] + Array("'\n".utf8)),
        ("truncated-utf8", Array("a = '".utf8) + [0xE6, 0x97] + Array("'\n".utf8)),
    ]
}

import Foundation
import Testing

/// Issue 11 (parity): scripts run through live `psql -X` and `psqlui -X` on the same
/// database give the same stdout, stderr (psql's program name swapped) and exit
/// status. Each case names the item it reproduces; the expected output is always
/// psql's, from this run.
@Suite struct PsqlParityTests {
    /// How a script reaches the client.
    enum Feed: String, CaseIterable, CustomStringConvertible {
        case file = "-f", stdin = "<"
        var description: String { rawValue }
    }

    /// One comparison: files to write (the first is the script), extra arguments,
    /// how the script is fed. `DB` and `SOCK` in the files are replaced by the
    /// database name and the server's socket folder.
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var files: [(String, String)]
        var arguments: [String] = []
        var feeds: [Feed] = Feed.allCases
        /// SQL run once (as the superuser, with psql) before both clients.
        var setup: String? = nil
        /// The clients' stdin under the `-f` feed (what `\prompt` reads).
        var input: String? = nil
        /// More environment for both clients (run in the case's folder).
        var env: [String: String] = [:]
        /// stderr goes into stdout (`2>&1`, as pg_regress captures): the order of
        /// notices and results is compared too.
        var mergesStderr = false
        var description: String { name }
    }

    static let cases: [Case] = [
        // Item 2: a failed \c stops a script with status 2.
        Case(name: "connect-fails", files: [("s.sql", "select 1;\n\\c nosuch\nselect 2;\n")]),
        // Item 3: \c NAME keeps host, port and user of a URI or conninfo connection.
        Case(name: "connect-reuses", files: [("s.sql", """
            \\c postgresql://parity_alice@/DB?host=SOCK
            \\conninfo
            \\c postgres
            \\conninfo
            \\c - - SOCK
            \\c - - - 5432
            \\c "dbname=DB"
            \\conninfo
            \\c host=SOCK dbname=DB
            \\c DB parity_alice
            select current_user, current_database();

            """)]),
        // Issue 10 / items 1 and 8: one result rendering for the screen printer and the
        // exporters: the tag after DML RETURNING, no header for a query that fails in
        // its first batch, no `COPY n` after COPY data sent to the query output.
        Case(name: "rendering-aligned", files: [("s.sql", Self.renderingScript)]),
        Case(name: "rendering-unaligned", files: [("s.sql", Self.renderingScript)], arguments: ["-A"]),
        Case(name: "rendering-csv", files: [("s.sql", Self.renderingScript)], arguments: ["--csv"]),
        Case(name: "rendering-csv-tuples-only", files: [("s.sql", Self.renderingScript)], arguments: ["--csv", "-t"]),
        Case(name: "copy-to-stdout-is-data-only", files: [("s.sql", "")],
             arguments: ["-c", "copy (select 1, 'x,y', null) to stdout with csv"], feeds: [.stdin]),
        // Item 7: \g (options) applies print options to one query; a bad option or a
        // missing parenthesis is an error that keeps the query buffer.
        Case(name: "g-options", files: [("s.sql", """
            select 1 as a, 2 as b \\g (format=csv tuples_only=on)
            select 1 as a \\g (format=unaligned fieldsep=;) gx.out
            \\! cat gx.out
            select 1 as a \\g (nosuch=1)
            select 2 as a \\g (expanded)
            select 3 as a \\g ( border=2 )
            select 4 \\g (format=csv
            select 5;
            \\g (format=csv)
            select 6 as x \\gx (format=csv)
            select 7 as y;

            """)]),
        // Item 4: \ir relative to the including file, with -f given a bare file name.
        Case(name: "include-relative", files: [
            ("main.sql", "\\echo main\n\\ir s/inc.sql\n\\i s/inc2.sql\n\\i nofile.sql\n"),
            ("s/inc.sql", "\\echo inc\n\\ir d/x.sql\n"),
            ("s/d/x.sql", "\\echo x\n"),
            ("s/inc2.sql", "\\echo inc2\n\\ir d/x.sql\n\\i main2.sql\n"),
            ("main2.sql", "\\echo main2\n"),
        ], feeds: [.file]),
        // Item 9: COPY FROM STDIN errors and notices name the line of the closing \.
        Case(name: "copy-lines", files: [("s.sql", """
            create temp table t(a int);
            copy t from stdin;
            1
            x
            \\.
            select 1;
            create function pg_temp.f() returns trigger language plpgsql as $$begin raise notice 'hi'; return new; end$$;
            create trigger tr after insert on t for each row execute function pg_temp.f();
            copy t from stdin;
            1
            2
            \\.

            """)]),
        // Item 10: result variables, \if :ERROR, connection variables.
        Case(name: "result-variables", files: [("s.sql", """
            select 1/0;
            \\echo :ERROR :SQLSTATE :ROW_COUNT :LAST_ERROR_MESSAGE :LAST_ERROR_SQLSTATE
            \\if :ERROR
            \\echo failed
            \\endif
            select 1 union select 2;
            \\echo :ERROR :SQLSTATE :ROW_COUNT :LAST_ERROR_SQLSTATE
            create temp table rv(a int);
            insert into rv select generate_series(1, 5);
            \\echo :ROW_COUNT
            \\echo :DBNAME :USER :HOST :PORT :ENCODING :SERVER_VERSION_NUM :SERVER_VERSION_NAME
            \\set ON_ERROR_STOP
            \\echo :ON_ERROR_STOP
            \\unset ON_ERROR_STOP
            \\echo :ON_ERROR_STOP
            \\unset FETCH_COUNT
            \\echo :FETCH_COUNT :AUTOCOMMIT :ECHO :VERBOSITY :SHOW_CONTEXT :PROMPT3 :HISTSIZE

            """)]),
        // Item 10: QUIET and VERBOSITY.
        Case(name: "quiet", files: [("s.sql", """
            \\set QUIET on
            create temp table q(a int);
            \\pset border 2
            \\x
            select 1;
            \\x
            \\c DB
            \\r
            \\set QUIET off
            create temp table q2(a int);
            \\c DB

            """)]),
        Case(name: "quiet-flag", files: [("s.sql", "create temp table q(a int);\n\\pset border 2\n\\set QUIET off\ncreate temp table q2(a int);\n")],
             arguments: ["-q"]),
        Case(name: "verbosity", files: [("s.sql", """
            \\set VERBOSITY verbose
            select 1/0;
            do $$begin raise notice 'n'; end$$;
            \\set VERBOSITY terse
            select 1/0;
            \\set VERBOSITY sqlstate
            select 1/0;
            \\set VERBOSITY default
            \\set SHOW_CONTEXT always
            do $$begin raise notice 'n'; end$$;

            """)]),
        // Item 10: -a echoes every input line.
        Case(name: "echo-all", files: [("s.sql", "select 1;\n-- c\n\\echo hi\n\nselect\n 2;\n")], arguments: ["-a"]),
        // Item 11: notifications after each statement.
        Case(name: "notify", files: [("s.sql", "listen c;\nnotify c;\nnotify c, 'pay';\nselect 1;\n\\echo x\nnotify c;\nunlisten c;\nnotify c;\n")]),
        // Item 12: no hint after an invalid command in a script; no prefix from stdin.
        Case(name: "invalid-command", files: [("s.sql", "\\foo\nselect 2;\n\\i nofile.sql\n")]),
        // Missing meta-commands: \p \r \echo -n \qecho \warn \getenv \setenv.
        Case(name: "buffer-and-echo", files: [("s.sql", """
            select 1 \\p
            ;
            \\p
            \\r
            \\p
            select 2
            \\r
            \\p
            \\echo -n a
            \\echo b
            \\qecho x y
            \\warn w "z  q"
            \\warn -n w
            \\warn x
            \\echo
            \\getenv v PARITY_VALUE
            \\echo :v
            \\getenv nn PARITY_NO_SUCH_VARIABLE
            \\echo :nn
            \\setenv PARITY_SET bar
            \\! echo $PARITY_SET
            \\setenv PARITY_SET
            \\! echo ${PARITY_SET-unset}
            \\getenv
            \\setenv

            """)]),
        // \gdesc and \gexec.
        Case(name: "gdesc-gexec", files: [("s.sql", """
            select 1 as a, 'x'::text as b, 1.5::numeric(4,1) as "c d" \\gdesc
            select 'select 1 as x' union all select 'select 2' \\gexec
            \\gdesc
            select 1/0 \\gdesc
            select 'bad sql', null, 'select 3' \\gexec
            create temp table gg(a int) \\gdesc
            select nosuchcolumn \\gdesc
            select format('create temp table %I (a int)', 'g' || g) from generate_series(1, 2) g \\gexec
            select count(*) from pg_class where relname in ('g1', 'g2');

            """)]),
        // Item 18: \d footers psql has (partitions, inheritance, policies, exclusion
        // constraints, statistics, publications, replica identity), \du+, \dx+.
        Case(name: "describe-footers", files: [("s.sql", """
            \\d pt
            \\d+ pt
            \\d pt1
            \\d+ pt1
            \\d par
            \\d+ par
            \\d chi
            \\d ul
            \\d ex
            \\d rls
            \\d+ rls
            \\d rls2
            \\d+ rls3
            \\d ptempty
            \\d+ ptempty
            \\du+ parity_alice
            \\dx+ btree_gist
            \\dx+ nosuchextension

            """)], feeds: [.file], setup: """
            create table pt (a int, b text) partition by range (a);
            create table pt1 partition of pt for values from (1) to (10);
            create table ptd partition of pt default;
            create table par (x int);
            create table chi () inherits (par);
            create table chi2 () inherits (par);
            alter table par replica identity full;
            create unlogged table ul (a int);
            create extension if not exists btree_gist;
            create table ex (r int4range, exclude using gist (r with &&));
            create table rls (a int, b text);
            alter table rls enable row level security;
            create policy p1 on rls for select to public using (a > 0);
            create policy p2 on rls as restrictive for update to parity_alice using (true) with check (b <> '');
            create table rls2 (a int);
            alter table rls2 enable row level security;
            alter table rls2 force row level security;
            create table rls3 (a int);
            create policy p3 on rls3 using (true);
            create statistics st1 (ndistinct) on a, b from rls;
            create statistics st2 on a, b from rls;
            set client_min_messages = error;
            create publication parity_pub for table rls;
            create table ptempty (a int) partition by list (a);
            comment on role parity_alice is 'the boss';
            """),
        // Missing meta-commands: \errverbose, \w, \prompt, \cd.
        Case(name: "errverbose-write-prompt-cd", files: [("s.sql", """
            \\errverbose
            select 1/0;
            \\errverbose
            select 1;
            \\errverbose
            select nosuch from nowhere;
            \\errverbose
            do $$begin raise exception 'boom' using detail = 'd', hint = 'h'; end$$;
            \\errverbose
            select 1 \\w out.sql
            ;
            \\w out2.sql
            \\! cat out.sql out2.sql
            \\w
            \\w /nonexistent/dir/x.sql
            select 2 \\w |cat
            \\r
            \\prompt 'Your name: ' who
            \\echo :who
            \\prompt v2
            \\echo :v2
            \\prompt 'too late' v3
            \\echo :v3
            \\prompt
            \\! mkdir -p sub
            \\cd sub
            \\! pwd | sed 's|.*/||'
            \\cd /nonexistent
            \\cd ..
            \\! ls out.sql
            \\cd
            \\! test "$(pwd)" = "$HOME" && echo home

            """)], feeds: [.file], input: "alice\nsecond line\n"),
        // \sf[+] and \sv[+], and \h for an unknown command.
        Case(name: "function-and-view-source", files: [("s.sql", """
            \\sf add1
            \\sf+ add1
            \\sf+ body1
            \\sf plp(text)
            \\sf+ plp
            \\sf nosuch
            \\sf
            \\sf add1(text)
            \\sv v1
            \\sv+ v2
            \\sv v3
            \\sv mv
            \\sv tt
            \\sv nosuch
            \\sv
            \\h nosuchcommand

            """)], setup: """
            create function add1(a int) returns int language sql as $$select a + 1$$;
            create function body1(int) returns int language sql immutable begin atomic select $1 * 2; end;
            create function plp(x text) returns text language plpgsql as $$
            begin
              return x;
            end $$;
            create view v1 as select 1 as x;
            create view v2 with (security_barrier) as select * from v1 where x > 0 with local check option;
            create view v3 as select * from v1 with cascaded check option;
            create materialized view mv as select 1 as y;
            create table tt(a int);
            """),
        // The \\d-family listings psql 15 has beyond \\dt \\dv \\dm \\di \\ds \\dn \\df \\dT \\du \\l \\dx.
        Case(name: "object-listings", files: [("s.sql", """
            set application_name = 'parity';
            \\db
            \\db pg_d*
            \\dL
            \\dLS
            \\dL+
            \\dy
            \\dy+
            \\dD
            \\dD+
            \\dD pos*
            \\dc
            \\dc+
            \\dcS latin1*
            \\do
            \\do+
            \\do ###
            \\dO
            \\dO+
            \\dOS "C"
            \\dA
            \\dA+ b*
            \\dF
            \\dFd
            \\dFd+
            \\dFp
            \\dFpS
            \\dFt
            \\dFt+
            \\dFtS simple
            \\des
            \\des+
            \\deu
            \\deu+
            \\dew
            \\dew+
            \\det
            \\det+
            \\dRp
            \\dRs
            \\dX
            \\dconfig
            \\dconfig work*
            \\dconfig+ work_mem
            \\lo_list
            \\dE
            \\dE+
            \\dg
            \\dg+ postgres
            \\dgS pg_read*
            \\db nosuch
            \\dFx

            """)], feeds: [.file], setup: """
            create domain posint as int not null default 1 check (value > 0);
            comment on domain posint is 'positive';
            create domain txt2 as text collate "C";
            create conversion myconv for 'LATIN1' to 'UTF8' from iso8859_1_to_utf8;
            create function addi(int, int) returns int language sql as 'select $1 + $2';
            create operator ### (leftarg = int, rightarg = int, function = addi);
            comment on operator ### (int, int) is 'adds';
            create collation mycoll (locale = 'C');
            create text search configuration mycfg (copy = english);
            create text search dictionary mydict (template = simple, stopwords = english);
            create foreign data wrapper dummy;
            create server srv1 foreign data wrapper dummy options (host 'localhost', dbname 'x');
            create user mapping for postgres server srv1 options (user 'bob');
            create foreign table ft1 (a int) server srv1 options (table_name 'remote');
            create table st (a int, b int);
            create statistics sx (dependencies) on a, b from st;
            set client_min_messages = error;
            create publication pub1 for table st;
            select lo_create(4242);
            comment on large object 4242 is 'a blob';
            """),
        // \lo_import, \lo_export, \lo_unlink (OIDs differ between the runs: `normal`).
        Case(name: "large-objects", files: [("s.sql", """
            \\lo_import blob.txt
            \\lo_export :LASTOID back.txt
            \\! cmp blob.txt back.txt && echo same
            \\lo_import blob.txt 'it''s a blob'
            select count(*) from pg_largeobject_metadata m where pg_catalog.obj_description(m.oid, 'pg_largeobject') = 'it''s a blob';
            \\lo_unlink :LASTOID
            \\lo_import nosuchfile
            \\lo_import
            \\lo_export 99999 out.bin
            \\lo_export 1
            \\lo_unlink 99999
            \\lo_unlink
            \\set QUIET on
            \\lo_import blob.txt
            \\lo_unlink :LASTOID

            """), ("blob.txt", "hello\nworld\n")], feeds: [.file]),
        // psql.sql's dotted-name checks: which part is the database (`\\dn`, `\\dL`: db.name),
        // QUIET prints an empty relation listing, HIDE_TABLEAM / HIDE_TOAST_COMPRESSION.
        Case(name: "pattern-parts-quiet-hide", files: [("s.sql", """
            \\dt "no.such.relation"
            \\dn \"\"\"\".public
            \\dL nonesuch.plpgsql
            \\dL DB.plpgsql
            \\dL x.DB.plpgsql
            \\da DB."no.such.schema"."no.such.aggregate"
            \\ddp "no.such.schema"."no.such.default.acl"
            \\dF DB."no.such.schema"."no.such.config"
            \\dt *.DB.pg_class
            \\d+ hid
            \\dt+ hid
            \\set HIDE_TABLEAM off
            \\set HIDE_TOAST_COMPRESSION off
            \\d+ hid
            \\dt+ hid

            """)], arguments: ["-q", "-v", "HIDE_TABLEAM=on", "-v", "HIDE_TOAST_COMPRESSION=on"], feeds: [.file],
             setup: "create table hid (a int, b text);"),
        // \\dAc \\dAf \\dAo \\dAp (two patterns), \\dC, \\dd, \\drds; extra arguments warned about.
        Case(name: "opclass-cast-comment-listings", files: [("s.sql", """
            \\dAc brin pg*.oid*
            \\dAc+ gist
            \\dAf spgist
            \\dAf+ btree int4
            \\dAo+ btree float_ops
            \\dAo * pg_catalog.jsonb_path_ops
            \\dAp+ btree float_ops
            \\dAp * pg_catalog.uuid_ops
            \\dAc nonesuch.brin
            \\dC
            \\dC+ int8
            \\dC mytype
            \\dd
            \\dd chk*
            \\ddS pg_class
            \\drds
            \\drds parity_alice
            \\drds nosuch nodb
            \\dA foo bar
            \\set QUIET on
            \\drds nosuch

            """)], feeds: [.file], setup: """
            create type mytype as (a int);
            create function mytype_text(mytype) returns text language sql as $$select 'x'$$;
            create cast (mytype as text) with function mytype_text(mytype);
            comment on cast (mytype as text) is 'my cast';
            create table cc (a int constraint chk_a check (a > 0));
            comment on constraint chk_a on cc is 'positive a';
            create function trg() returns trigger language plpgsql as $$begin return new; end$$;
            create trigger chk_trg before insert on cc for each row execute function trg();
            comment on trigger chk_trg on cc is 'a trigger';
            alter role parity_alice in database postgres set work_mem = '5MB';
            """),
        // \\ef and \\ev with a scripted editor (psql's PSQL_EDITOR): the definition or the
        // template is edited, and what the editor leaves is run as input (`;` runs it).
        Case(name: "edit-function-and-view", files: [("s.sql", """
            create or replace function eff() returns int language sql as $$select 1$$;
            create or replace view evv as select 1 as a;
            \\ef eff
            select eff();
            \\ev evv
            select * from evv;
            \\ef eff 1
            \\ev evv 2
            \\ef
            \\p
            \\r
            \\ev
            \\ef nosuch
            \\ev nosuch
            \\ef eff 0

            """), ("ed.sh", """
            #!/bin/sh
            [ $# -gt 1 ] && echo "editor line argument: $1"
            for f; do :; done
            sed -i 's/select 1/select 2/' "$f"
            echo ';' >> "$f"

            """)], feeds: [.file], env: ["PSQL_EDITOR": "sh ed.sh", "PSQL_EDITOR_LINENUMBER_ARG": "+"]),
        // -s (SINGLESTEP): each statement shown, a line read from stdin, `x` cancels it.
        Case(name: "single-step", files: [("s.sql", "select 1;\nselect 2;\n\\echo hi\nselect 3 \\g\n")],
             arguments: ["-s"], feeds: [.file], input: "\nx\n\n"),
        // -S (SINGLELINE): the end of a line ends a statement unless a quote or parenthesis is open.
        Case(name: "single-line", files: [("s.sql", "select 1\n, 2\nselect (1\n)\nselect $$a\nb$$\n-- c\nselect 4 -- x\n\n")],
             arguments: ["-S"]),
        // psql.sql: a failed \\gdesc sets ERROR/SQLSTATE/LAST_ERROR_*, the described query
        // becomes the previous one, a quoted '-n' is echoed.
        Case(name: "gdesc-variables-echo-n", files: [("s.sql", """
            SELECT 4 AS \\gdesc
            \\echo 'error:' :ERROR :SQLSTATE :ROW_COUNT
            \\echo :LAST_ERROR_MESSAGE :LAST_ERROR_SQLSTATE
            SELECT 1 AS x, 'Hello' \\gdesc
            TABLE nosuch;
            \\g
            \\echo '-n' with newline
            \\echo -n without

            """)], feeds: [.file]),
        // -L FILE: each statement and its results (a \\gx one as the session prints, tags
        // even under QUIET) appended to the log; the script shows the log at its end.
        Case(name: "log-file", files: [("s.sql", """
            select 1 as a;
            create temp table z(a int);
            \\echo hi
            select 1/0;
            \\dt nosuch
            select 2 as b \\gx
            insert into z values (1) returning a;
            \\set QUIET on
            insert into z values (2);
            select 3 as c \\gset
            \\set QUIET off
            \\pset format csv
            select 4 as d, 'x' as e;
            \\x on
            select 5 as f;
            \\x off
            \\pset format aligned
            select 6 as g \\g (format=unaligned border=2)
            select 7 as h \\gset
            \\! cat log.txt

            """)], arguments: ["-L", "log.txt"], feeds: [.file]),
        // Backticks in backslash-command arguments: the shell command's output less one
        // trailing newline, `:name` interpolated inside, not run in an inactive \\if branch
        // (but for \\elif); a failing command gives what it printed.
        Case(name: "backticks", files: [("s.sql", """
            \\set x `echo hi`
            \\echo :x
            \\set y `printf 'a\\n\\n'`z
            \\echo [:y]
            \\set z `nosuchcommand_parity`
            \\echo [:z]
            \\set w `echo out; exit 3`
            \\echo [:w]
            \\set v pre`echo mid`post 'q`echo no`' "d`echo dq`"
            \\echo [:v]
            \\echo `echo e1` `printf 'two\\nlines\\n'`
            \\set u `echo :x :'x'`
            \\echo :u
            \\set q 'it''s a b'
            \\echo `echo :x :'x' :'q' :'nosuch' :"x"`
            \\setenv BT `echo envval`
            \\! echo $BT
            \\set e ``
            \\echo [:e]
            \\pset null `echo NUL`
            select null;
            \\if `echo true`
            \\echo yes
            \\elif `echo true`
            \\endif
            \\if false
            \\set n `echo ran >&2`
            \\elif `echo true`
            \\endif

            """)]),
        // --csv / -H is psql's format setting: \\pset format names it and replaces it
        // (wrapped, unaligned, csv again), \\a and \\H toggle from it.
        Case(name: "launch-format-then-pset", files: [("s.sql", Self.launchFormatScript)], arguments: ["--csv"]),
        Case(name: "launch-format-then-pset-tuples-only", files: [("s.sql", Self.launchFormatScript)], arguments: ["--csv", "-t"]),
        Case(name: "launch-format-then-pset-html", files: [("s.sql", Self.launchFormatScript)], arguments: ["-H"]),
        // \\restrict KEY / \\unrestrict KEY (pg_dump's guard): no other backslash command between.
        Case(name: "restrict", files: [("s.sql", "\\restrict abc123\nselect 1 as a;\n\\echo hi\n\\unrestrict wrong\n\\unrestrict abc123\n\\echo after\n\\unrestrict abc123\n\\restrict k1\n\\restrict k2\n\\q\nselect 2;\n")]),
        // psql eats the words a backslash command leaves, warning about each, read
        // without evaluation (variables as typed, a backtick command not run).
        Case(name: "extra-arguments", files: [("s.sql", """
            \\set foo bar
            \\pset fieldsep | `nosuchcommand` :foo :'foo' :"foo"
            \\pset border 2 'a b' "q"
            \\pset nosuch 1 2
            \\a X1
            \\a
            \\C t X1
            \\C
            \\f , X1
            \\H X1
            \\H
            \\t on X1
            \\T a X1
            \\x on X1
            \\timing off X1
            \\encoding UTF8 X1
            \\encoding bogus X1
            \\r X1
            \\p X1
            \\unset nosuch X1
            \\setenv PARITY_X y X1
            \\getenv v PARITY_X X1
            \\echo :v
            \\errverbose X1
            \\q X1
            \\echo not reached

            """)]),
        // \gset leaves psql's hooked variables alone, with a warning.
        Case(name: "gset-hooked-variables", files: [("s.sql", """
            select 97 as "EOF", 'ok' as _foo \\gset IGNORE
            \\echo :IGNORE_foo :IGNOREEOF
            select 'x' as "AUTOCOMMIT", 'y' as "PROMPT1", 'z' as "HISTFILE", 'w' as "DBNAME", 'v' as plain \\gset
            \\echo :AUTOCOMMIT :DBNAME :plain
            \\set FETCH_COUNT 1
            select 10 as a from generate_series(1,3) \\gset
            select 11 as a from generate_series(1,0) \\gset
            select 12 as a \\gset
            \\echo :a

            """)]),
        // An unknown command is reported inside a false \if branch too; known ones are skipped.
        Case(name: "unknown-command-in-false-if", files: [("s.sql", """
            \\if false
              \\lo arg1 arg2
              \\lo_list
              \\nosuch :foo
              \\html
              \\list
              \\echo no
            \\endif
            \\echo end
            \\html
            \\html
            \\list+ nosuch

            """)]),
        // psql runs a FETCH_COUNT SELECT through a cursor: its error positions say LINE 2
        // (one more than the statement's line), not for WITH, \\gexec or \\crosstabview.
        Case(name: "fetch-count-cursor-errors", files: [("s.sql", """
            \\set FETCH_COUNT 10
            select unique2 from tenk1 order by unique2 limit 19;
            \\echo :ERROR :SQLSTATE :ROW_COUNT
            select 1 as a,
               nosuch from
               pg_class;
            select 1/(10-g) from generate_series(1,20) g;
            select nosuch \\gset
            select nosuch \\gexec
            select nosuch \\crosstabview
            (values (1), (nosuch));
            with x as (select 1) select nosuch;
            select 'ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé', nosuch;
            \\set VERBOSITY verbose
            select nosuch;
            \\unset FETCH_COUNT
            select nosuch;

            """)]),
        // A multi-statement string (`\\;`): each result is printed once the next has
        // arrived, so the next statement's notices come first; SHOW_ALL_RESULTS off shows
        // only the last result; \\gset stores the last and shows the others.
        Case(name: "show-all-results", files: [("s.sql", """
            create function pg_temp.warn(msg text) returns boolean language plpgsql
            as $$ begin raise notice 'warn %', msg; return true; end $$;
            select 1 as one \\; select pg_temp.warn('1.5') \\; select 2 as two;
            select 3 as three \\; select pg_temp.warn('3.5') \\; select 4 as four \\gset
            \\echo :three :four
            select 5 \\; select 6 + \\; select pg_temp.warn('6.5') \\; select 7;
            begin \\; select 8 as eight \\; select 9/0 as nine \\; rollback \\; select 10 as ten;
            rollback;
            select 1 as a \\; create temp table tt(a int) \\gset
            select 1 as a \\; select 2 as b from generate_series(1,2) \\gset
            select 1 as a \\; select 2 as b where false \\gset
            select 1 \\; insert into tt values (3) returning a \\; select 2;
            \\set SHOW_ALL_RESULTS off
            select 1 as one \\; select pg_temp.warn('1.5') \\; select 2 as two;
            select 1 as one \\; select 1/0 \\; select 2 as two;
            select 1 as a \\; insert into tt values (1) \\; select 3 as c \\gset
            \\echo :c
            insert into tt values (1) \\; insert into tt values (2);
            select 1 \\; copy tt to stdout \\; select 2;
            \\set SHOW_ALL_RESULTS on
            select 1 \\; copy tt to stdout \\; select 2;

            """)], mergesStderr: true),
        Case(name: "show-all-results-unaligned", files: [("s.sql", "select 1 as one \\; do $$ begin raise notice 'n'; end $$ \\; select 2 as two;\n\\set SHOW_ALL_RESULTS off\nselect 1 \\; select 2;\n")],
             arguments: ["-A"], mergesStderr: true),
        // psql's assign hooks: a special variable refuses a value it cannot take.
        Case(name: "set-special-values", files: [("s.sql", """
            \\set AUTOCOMMIT foo
            \\echo :AUTOCOMMIT
            \\set ON_ERROR_STOP maybe
            \\set FETCH_COUNT foo
            \\set FETCH_COUNT -3
            \\echo :FETCH_COUNT
            \\set ECHO bogus
            \\set VERBOSITY x
            \\set SHOW_CONTEXT x
            \\set ON_ERROR_ROLLBACK foo
            \\set HISTCONTROL x
            \\set COMP_KEYWORD_CASE x
            \\set ECHO_HIDDEN x
            \\set QUIET x
            \\set ECHO_HIDDEN
            \\echo :ECHO_HIDDEN
            \\set VERBOSITY TERSE
            \\set ON_ERROR_ROLLBACK Interactive

            """)], feeds: [.file]),
        // \dp and \z: table, column and policy privileges.
        Case(name: "privileges", files: [("s.sql", "\\dp\n\\z pr*\n\\dp nosuch\n\\z public.prv\n\\dpS pg_class\n\\z pg_catalog.pg_class\n\\ddp\n\\da\n\\daS max\n\\dl\n\\dP\n\\dP pt*\n")],
             feeds: [.file], setup: """
            create table pr (a int, b text);
            grant select on pr to parity_alice;
            grant update (b) on pr to parity_alice;
            alter table pr enable row level security;
            create policy pp on pr as restrictive for select to parity_alice using (a > 0);
            create policy pq on pr with check (b <> '');
            create sequence prs;
            create view prv as select 1 as x;
            alter default privileges in schema public grant select on tables to parity_alice;
            create aggregate mysum(int) (sfunc = int4pl, stype = int);
            create table ptp (a int) partition by range (a);
            create table ptp1 partition of ptp for values from (1) to (5) partition by range (a);
            create index ptpi on ptp (a);
            """),
    ]

    static let launchFormatScript = """
        \\pset format
        select 1 as a, 2 as b;
        \\pset format wrapped
        select 1 as a, 2 as b;
        \\pset format unaligned
        select 3 as c;
        \\pset format csv
        select 4 as d;
        \\a
        select 5 as e;
        \\a
        select 6 as f;
        \\H
        select 7;

        """

    static let renderingScript = """
        create temp table t(a int, b text);
        insert into t values (1, 'one') returning *;
        update t set a = 2 returning a;
        delete from t where a = 2 returning b;
        select 1/(2-g) as q from generate_series(1,3) g;
        copy (select 1, 'x') to stdout with csv;
        do $$ begin raise notice 'hi'; end $$;
        insert into t values (3, 'three');
        \\copy (select 4) to stdout
        select 'end' as e;

        """

    static var runs: [(Case, Feed)] { (cases + catalogCases).flatMap { c in c.feeds.map { (c, $0) } } }

    @Test(arguments: Array(runs.indices))
    func scriptMatchesPsql(_ index: Int) throws {
        let (testCase, feed) = Self.runs[index]
        try Self.setUpRoles()
        let db = try TestServer.makeDatabase(prefix: "par")
        if let setup = testCase.setup { try TestServer.admin(setup, database: db) }
        let results = try ["psql", "psqlui"].map { client -> ProcessOutput in
            let dir = NSTemporaryDirectory() + "psqlui-parity-\(client)-" + UUID().uuidString
            for (name, text) in testCase.files {
                let path = dir + "/" + name
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                let body = text.replacingOccurrences(of: "DB", with: db).replacingOccurrences(of: "SOCK", with: TestServer.host)
                try body.write(toFile: path, atomically: true, encoding: .utf8)
            }
            let script = testCase.files[0].0
            let args = ["-X"] + testCase.arguments + (feed == .file ? ["-f", script] : [])
            let stdin = feed == .stdin ? FileManager.default.contents(atPath: dir + "/" + script) : testCase.input.map { Data($0.utf8) }
            let env = ["PARITY_VALUE": "from the environment"].merging(testCase.env) { $1 }
            let out: ProcessOutput
            if testCase.mergesStderr {
                let binary = client == "psql" ? TestServer.psqlBinary : TestServer.psqluiBinary
                out = try ProcessRunner.run("/bin/sh", ["-c", "exec \"$0\" \"$@\" 2>&1", binary] + args,
                                            environment: TestServer.environment(database: db, extra: env),
                                            stdin: stdin, currentDirectory: dir)
            } else if client == "psql" {
                out = try TestServer.psql(args, database: db, stdin: stdin, extraEnv: env, currentDirectory: dir)
            } else {
                out = try TestServer.psqlui(args, database: db, stdin: stdin, extraEnv: env, currentDirectory: dir)
            }
            _ = try? TestServer.admin("drop table if exists g1, g2", database: db)
            return out
        }
        let theirs = results[0], ours = results[1]
        let expectedOut = testCase.mergesStderr ? Self.asPsqlui(theirs.out) : theirs.out
        #expect(Self.normal(ours.out) == Self.normal(expectedOut), "stdout differs: \(testCase) \(feed)\n--- psql\n\(theirs.out)--- psqlui\n\(ours.out)")
        #expect(Self.normal(ours.err) == Self.normal(Self.asPsqlui(theirs.err)),
                "stderr differs: \(testCase) \(feed)\n--- psql\n\(theirs.err)--- psqlui\n\(ours.err)")
        #expect(ours.status == theirs.status, "status differs: \(testCase) \(feed): psql \(theirs.status), psqlui \(ours.status)")
    }

    /// `\h TOPIC` names the same commands and documentation pages as psql's (psqlui
    /// leaves out PostgreSQL's compiled-in description and syntax text).
    @Test func sqlHelpNamesPsqlsPages() throws {
        let db = try TestServer.makeDatabase(prefix: "parh")
        for topic in ["ALTER TABLE", "alter tab", "create t", "select *", "drop  table", "ALTER TABLE x", "TABLE", "*", "start"] {
            let keep = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("Command:") || $0.hasPrefix("URL:") } }
            let theirs = try TestServer.psql(["-X", "-c", "\\h " + topic], database: db)
            let ours = try TestServer.psqlui(["-X", "-c", "\\h " + topic], database: db)
            #expect(keep(ours.out) == keep(theirs.out), "\\h \(topic)\n--- psql\n\(keep(theirs.out))\n--- psqlui\n\(ours.out)\(ours.err)")
            #expect(!keep(ours.out).isEmpty)
        }
    }

    static let roleLock = NSLock()

    /// A role for the `\c` cases (roles are cluster-wide; made once).
    static func setUpRoles() throws {
        // Cases run in parallel: two CREATE ROLE at once collide on the unique name.
        roleLock.lock()
        defer { roleLock.unlock() }
        try TestServer.admin("do $$begin if not exists (select from pg_roles where rolname = 'parity_alice') then create role parity_alice login superuser; end if; end$$")
    }

    /// Backend PIDs differ between the two runs.
    static func normal(_ text: String) -> String {
        text.replacingOccurrences(of: #"process with PID \d+"#, with: "process with PID N", options: .regularExpression)
            .replacingOccurrences(of: #"lo_(import|unlink) \d+"#, with: "lo_$1 N", options: .regularExpression)
    }

    static func asPsqlui(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("psql:") ? "psqlui:" + line.dropFirst(5) : String(line)
        }.joined(separator: "\n")
    }
}

/// Issue 11's catalog cases (the `\d` family), run by `PsqlParityTests` like its own:
/// the same script through live psql and psqlui, stdout, stderr and status compared.
extension PsqlParityTests {
    static let catalogCases: [Case] = [
        // psql 15's argument-type patterns after `\df`/`\do` names, `\df`'s kind letters
        // and their refusals, `[]` in patterns.
        Case(name: "function-and-operator-argument-types", files: [("s.sql", """
            \\df int*pl int4
            \\df int*pl * pg_catalog.int8
            \\df has_database_privilege oid text -
            \\df acl* aclitem[]
            \\df array_* int[]
            \\df array_* INT4[]
            \\df *sqrt float
            \\df *sqrt "float"
            \\dfa bit* small*
            \\dfn+ int4pl
            \\dfant int*pl
            \\dfpw
            \\dft
            \\dfS+x
            \\dfx
            \\df x nonesuch.pg_catalog.int4
            \\df x a.b.c.d
            \\df x DB.pg_catalog.int4
            \\df mytrig
            \\dft mytrig
            \\do - pg_catalog.int4
            \\do && anyarray *
            \\do - int4 int4 zzz
            \\do+ - - int
            \\do x nonesuch.pg_catalog.int4
            \\dt a[]

            """)], feeds: [.file], setup: """
            create function mytrig() returns trigger language plpgsql as $$begin return new; end$$;
            """),
        // `\dP` with its t, i, n and + letters; a pattern lists partitions too.
        Case(name: "partitioned-listings", files: [("s.sql", """
            \\dP
            \\dPt
            \\dPi
            \\dPn
            \\dP+
            \\dPt+
            \\dPi+
            \\dPn+
            \\dPtn
            \\dPit
            \\dP+t
            \\dPx
            \\dPS
            \\dP ptp*
            \\dPi+ ptp*
            \\dPn+ ptp*
            \\dP nosuch

            """)], feeds: [.file], setup: """
            create table ptp (a int) partition by range (a);
            create table ptp1 partition of ptp for values from (1) to (5) partition by range (a);
            create table ptp11 partition of ptp1 for values from (1) to (3);
            create index ptpi on ptp (a);
            comment on table ptp is 'the parent';
            """),
        // -E (ECHO_HIDDEN): each listing's hidden query, byte for byte psql's text
        // (indentation included), then its result. `\du` takes a pattern: roles are
        // cluster-wide and parallel suites create them.
        Case(name: "echo-hidden-listings", files: [("s.sql", """
            \\d
            \\dS+
            \\dt
            \\dt+ t*
            \\dv
            \\dm
            \\ds
            \\di
            \\dE
            \\dtvmis+
            \\df
            \\df+
            \\dfn
            \\dfnt+
            \\dfa
            \\dfat sq*
            \\df+ sq
            \\df int4pl int4 *
            \\dT
            \\dT+
            \\dT+ mood
            \\du postgres
            \\du+ postgres
            \\dg nosuch
            \\dn
            \\dx
            \\l postgres
            \\lo_list
            \\lo_list+
            \\dP
            \\dP+
            \\dPn+ x*
            \\dPit
            \\set ECHO_HIDDEN noexec
            \\dt
            \\d t1
            \\du
            \\echo after

            """)], arguments: ["-E"], feeds: [.file], setup: """
            create table t1 (a int primary key, b text);
            create view v1 as select 1 as x;
            create sequence s1;
            create materialized view m1 as select 1 as x;
            create function sq(int) returns int language sql return $1 + 1;
            create type mood as enum ('a', 'b');
            """),
        // Combined relation listings: psql's kind letters together (`\dtv`, `\dti+`).
        Case(name: "combined-relation-listings", files: [("s.sql", """
            \\dtv
            \\dti+
            \\dit
            \\dsv nosuch
            \\dmS pg_*
            \\dEt
            \\dtvmisE
            \\dvt+ r*
            \\set HIDE_TABLEAM on
            \\dti+

            """)], feeds: [.file], setup: """
            create table rt (a int primary key);
            create view rv as select 1 as x;
            create materialized view rm as select 2 as y;
            create sequence rs;
            """),
        // `\d` of materialized views (definition after the indexes), foreign tables (FDW
        // options, server), views with rules and triggers, tables with rules by state.
        Case(name: "describe-views-foreign-tables-rules", files: [("s.sql", """
            \\d+ mv1
            \\d ft1
            \\d+ ft3
            \\d+ ftp
            \\d+ ftp1
            \\d v2
            \\d+ v2
            \\d v3
            \\d rr
            \\d+ rr

            """)], feeds: [.file], setup: """
            create table pubt (a int primary key, b text);
            create materialized view mv1 as select * from pubt;
            create index mvi on mv1 (a);
            create foreign data wrapper fdw1;
            create server srv1 foreign data wrapper fdw1 options (host 'x');
            create foreign table ft1 (a int options (col 'c1'), b int) server srv1 options (t 'x');
            create table ftparent (a int);
            create foreign table ft3 (a int check (a > 0), b int) inherits (ftparent) server srv1 options (t 'y');
            create statistics st3 on a, b from ft3;
            create table ftp (a int) partition by list (a);
            create foreign table ftp1 partition of ftp for values in (1) server srv1;
            create view v2 as select a from pubt;
            create rule v2r as on insert to v2 do instead insert into pubt values (new.a);
            create function vtrg() returns trigger language plpgsql as $$begin return new; end$$;
            create view v3 as select a from pubt;
            create trigger v3t instead of update on v3 for each row execute function vtrg();
            create table rr (a int, b int);
            create rule rrr as on update to rr do also notify rr;
            create rule rrd as on delete to rr do also notify rr;
            alter table rr disable rule rrd;
            create rule rra as on insert to rr do also notify rr;
            alter table rr enable always rule rra;
            create trigger rrt before insert on rr for each row execute function vtrg();
            """),
        // The \\d family lexes its patterns as psql: variables interpolated, quotes kept.
        Case(name: "catalog-patterns-interpolate-variables", files: [("s.sql", """
            \\set t vt
            \\set s public
            \\d :t
            \\dt :"t"
            \\dt :s.:t
            \\dt :'t'
            \\dt 'vt'
            \\dt "VT"
            \\dt :nosuch
            \\df :t int :t

            """)], feeds: [.file], setup: "create table vt (a int); create table \"VT\" (b int);"),
        // \\dT rewrites type spellings and shows array types for a `[]` pattern; \\do
        // takes regex characters in operator names literally (`||`, `?|`).
        Case(name: "type-and-operator-name-patterns", files: [("s.sql", """
            \\dT int4[]
            \\dT int4[]x
            \\dT "int4[]"
            \\dT+ _int4
            \\dT mood[]
            \\dT int
            \\dT float
            \\do ||
            \\do ~~*
            \\do ?|
            \\do+ - int4
            \\do (
            \\do A

            """)], feeds: [.file], setup: "create type mood as enum ('sad', 'ok');"),
        // \\d takes one pattern; extra words are warned about only after a command that
        // succeeded; \\deu and \\ddp patterns match either of two names.
        Case(name: "catalog-extra-arguments-and-two-name-patterns", files: [("s.sql", """
            \\d et ev nosuch
            \\d+ nosuch ev
            \\dt nosuch extra
            \\dn a.b.c extra
            \\dRp+ nosuch extra
            \\deu+ esrv
            \\deu+ postgres
            \\ddp
            \\ddp postgres

            """)], feeds: [.file], setup: """
            create table et (a int); create view ev as select 1 as x;
            create foreign data wrapper efdw; create server esrv foreign data wrapper efdw;
            create user mapping for postgres server esrv options (user 'u');
            alter default privileges grant select on tables to public;
            """),
        // `\d` of a TOAST table: its columns, owning table and index.
        Case(name: "describe-toast-table", files: [("s.sql", """
            \\d pg_toast.pg_toast_2619
            \\d+ pg_toast.pg_toast_2619
            \\d pg_toast.pg_toast_2619_index
            \\set HIDE_TABLEAM on
            \\d+ pg_toast.pg_toast_1255

            """)], feeds: [.file]),
        // The `+` forms that describe each object in tables of their own: `\\dF+`,
        // `\\dFp+`, `\\dRp+` (tables with column lists and row filters, schemas), and
        // `\\dRs+`'s and `\\dP+`'s extra columns; nothing found is an error (silent under QUIET).
        Case(name: "verbose-object-details", files: [("s.sql", """
            \\dF+ mycfg
            \\dF+ pg_catalog.e*
            \\dFp+
            \\dRp+
            \\dRp+ pubempty
            \\dRs+
            \\dP+
            \\dn pubs
            \\dn+ pubs
            \\dn pub*
            \\dn public
            \\x
            \\dRp+ pub1
            \\dF+ mycfg
            \\x
            \\dRp+ nosuch
            \\dF+ nosuch
            \\dFp+ nosuch
            \\set QUIET on
            \\dRp+ nosuch
            \\set ON_ERROR_STOP on
            \\dF+ nosuch
            \\echo not reached

            """)], feeds: [.file], setup: """
            create table pubt (a int primary key, b text);
            create schema pubs;
            create table pubs.x (a int);
            create publication pub1 for table pubt;
            create publication pub2 for tables in schema pubs with (publish = 'insert');
            create publication pub3 for table pubt (a) where (a > 0);
            create publication puball for all tables;
            create publication pubempty;
            create text search configuration mycfg (copy = english);
            comment on text search configuration mycfg is 'mine';
            create table ptp (a int) partition by range (a);
            create table ptp1 partition of ptp for values from (1) to (5);
            create index ptpi on ptp (a);
            """),
    ]
}

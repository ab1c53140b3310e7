"""psql's own tab-completion behaviour as case sets for psqlui (scripts/completion-pass-rate.sh).

Two sets, both read from a PostgreSQL source tree at run time:

- `010`: src/bin/psql/t/010_tab_completion.pl replayed: what it types (with its
  Tabs) goes through psqlui's completion as the prompt's bridge applies it (one
  prefix match completes with a space, several complete their common prefix, a
  second Tab lists them), and the test's own pattern must match what is echoed.
- `tab-complete.c`: every `Matches(...)` rule whose action is a plain list
  (`COMPLETE_WITH("A", "B")`) or a catalog query (`Query_for_list_of_tables`, …):
  the rule's words are typed (MatchAny as a real object's name), and every listed
  word must be offered, or for a query at least one candidate of its kind (a query
  of a kind psqlui has no candidates for counts as a failure).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import psqlui_client  # noqa: E402

SCHEMA_EXTRA = """
create view v1 as select 1 as a;
create materialized view mv1 as select 1 as a;
create sequence s1;
create function f1() returns int language sql as 'select 1';
create domain d1 as int constraint d1_positive check (value > 0);
do $$ begin create role r1; exception when duplicate_object then null; end $$;
create function trgf() returns trigger language plpgsql as $b$ begin return new; end $b$;
create trigger trg1 before update on tab1 for each row execute function trgf();
create policy pol1 on tab1 using (true);
create rule rule1 as on update to mytab123 do instead nothing;
create index tab1_c2_idx on tab1 (c2);
create rule rule2 as on delete to tab1 do also nothing;
create function evtf() returns event_trigger language plpgsql as $b$ begin end $b$;
create event trigger evt1 on ddl_command_start execute function evtf();
"""

# --- the .pl file --------------------------------------------------------------

def perl_string(s):
    """The value of a Perl double-quoted string literal's body."""
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            if n in "01234567":
                m = re.match(r"[0-7]{1,3}", s[i + 1:])
                out.append(chr(int(m.group(0), 8)))
                i += 1 + len(m.group(0))
                continue
            out.append({"t": "\t", "n": "\n", "a": "\a", "r": "\r"}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def perl_regex(r):
    """A Perl regex body as a Python one (the few constructs the test uses)."""
    return r.replace("\\a", "\a")


CALL = re.compile(r'check_completion\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*qr(.)(.*?)\2\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)', re.S)


def steps_010(text):
    """(send, pattern, annotation) in file order, clear_query/clear_line expanded, the foreach unrolled."""
    steps = []

    def add_calls(block, subst=None):
        pos = 0
        events = []
        for m in CALL.finditer(block):
            events.append((m.start(), "call", m))
        for m in re.finditer(r"\bclear_query\(\);", block):
            events.append((m.start(), "clear_query", None))
        for m in re.finditer(r"\bclear_line\(\);", block):
            events.append((m.start(), "clear_line", None))
        for _, kind, m in sorted(events, key=lambda e: e[0]):
            if kind == "clear_query":
                steps.append(("\\r\n", None, "clear query"))
            elif kind == "clear_line":
                steps.append(("\x15\n", None, "clear line"))
            else:
                send, pat, ann = m.group(1), m.group(3), m.group(4)
                if subst:
                    for k, v in subst.items():
                        send, pat, ann = send.replace("$" + k, v), pat.replace("$" + k, v), ann.replace("$" + k, v)
                steps.append((perl_string(send), perl_regex(pat), perl_string(ann)))
        return pos

    # The main body: everything after the helper subs; the foreach block is unrolled in place.
    body = text[text.index("# check basic command completion"):]
    fe = re.search(r"foreach\s*\((.*?)\)\s*\{\s*my\s*\(([^)]*)\)\s*=\s*@\$_;(.*?)\n\}", body, re.S)
    if fe:
        add_calls(body[:fe.start()])
        names = [n.strip().lstrip("$") for n in fe.group(2).split(",")]
        for tup in re.findall(r"\[([^\]]*)\]", fe.group(1)):
            values = [v.strip().strip("'") for v in tup.split(",")]
            add_calls(fe.group(3), dict(zip(names, values)))
        add_calls(body[fe.end():])
    else:
        add_calls(body)
    return steps


def setup_sql_010(text):
    m = re.search(r'safe_psql\(\x27postgres\x27,\s*(.*?")\s*\);', text, re.S)
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
    return "".join(perl_string(p) for p in parts)


def is_prefix(candidate, typed):
    strip = lambda s: s.lstrip("'\"").lower()
    return strip(candidate).startswith(strip(typed))


def run_010(pl_path, db, workdir, env):
    """Replays the .pl file; returns (passed, total, failures)."""
    text = open(pl_path).read()
    os.makedirs(os.path.join(workdir, "tmp_check"), exist_ok=True)
    for name, body in (("somefile", "some stuff\n"), ("afile123", "more stuff\n"), ("afile456", "other stuff\n")):
        with open(os.path.join(workdir, "tmp_check", name), "w") as f:
            f.write(body)
    lines, line, last_tab = [], "", None
    variables = {}
    passed, total, failures = 0, 0, []
    for send, pattern, annotation in steps_010(text):
        out = ""
        for ch in send:
            if ch == "\t":
                buffer = "\n".join(lines + [line])
                extra = [a for k, v in variables.items() for a in ("-v", f"{k}={v}")]
                cands = psqlui_client.complete(db, buffer, None, cwd=workdir, env=env) if not extra else \
                    psqlui_client.complete_args(db, buffer, extra, cwd=workdir, env=env)
                if not cands:
                    last_tab = None
                    continue
                start_in_line = cands[0][2] - (len(buffer) - len(line))
                typed = line[start_in_line:]
                prefixed = [c[1] for c in cands if is_prefix(c[1], typed)]
                if len(prefixed) == 1:
                    repl = prefixed[0]
                    line = line[:start_in_line] + repl + ("" if repl.endswith(("/", ".")) else " ")
                    out += line
                    last_tab = None
                else:
                    common = prefixed[0] if prefixed else typed
                    for p in prefixed[1:]:
                        n = 0
                        while n < len(common) and n < len(p) and common[n].lower() == p[n].lower():
                            n += 1
                        common = common[:n]
                    if len(common) < len(typed):
                        common = typed
                    line = line[:start_in_line] + common
                    if last_tab == line:
                        out += "\n" + "  ".join(c[1] for c in cands) + "\n"
                    out += line
                    last_tab = line
            elif ch == "\n":
                if "\\r" in line or "\x15" in line:
                    lines = []
                else:
                    m = re.match(r"\\set (\w+) (\S+)", line.strip())
                    if m:
                        variables[m.group(1)] = m.group(2)
                    else:
                        lines.append(line)
                out += line + "\npostgres=# "
                line, last_tab = "", None
            else:
                line += ch
                out += ch
                last_tab = None
        if pattern is None:
            continue
        total += 1
        if re.search(pattern, out):
            passed += 1
        else:
            failures.append(f"{annotation}: typed {send!r}, got {out!r}, wanted /{pattern}/")
    return passed, total, failures


# --- tab-complete.c ------------------------------------------------------------

OBJECT_AFTER = {
    "TABLE": "tab1", "INDEX": "tab1_pkey", "VIEW": "v1", "SEQUENCE": "s1", "FUNCTION": "f1", "PROCEDURE": "f1",
    "ROUTINE": "f1", "TYPE": "enum1", "SCHEMA": "public", "ROLE": "r1", "USER": "r1", "GROUP": "r1",
    "DATABASE": "postgres", "TRIGGER": "trg1", "POLICY": "pol1", "RULE": "rule1", "EXTENSION": "plpgsql",
    "DOMAIN": "d1", "COLUMN": "c1", "CONSTRAINT": "tab1_pkey", "ON": "tab1", "INTO": "tab1", "FROM": "tab1",
    "UPDATE": "tab1", "VALUE": "'foo'", "COPY": "tab1", "LOCK": "tab1", "CLUSTER": "tab1", "TRUNCATE": "tab1",
    "ANALYZE": "tab1", "VACUUM": "tab1", "REINDEX": "tab1", "OWNER": "r1", "TO": "r1",
}

KINDS = [
    ("Query_for_list_of_tables", {"table"}), ("Query_for_list_of_partitioned_tables", {"table"}),
    ("Query_for_list_of_views", {"view"}), ("Query_for_list_of_matviews", {"view"}),
    ("Query_for_list_of_indexes", {"index"}), ("Query_for_list_of_partitioned_indexes", {"index"}),
    ("Query_for_list_of_sequences", {"sequence"}), ("Query_for_list_of_roles", {"role"}),
    ("Keywords_for_list_of_owner_roles", {"role"}), ("Keywords_for_list_of_grant_roles", {"role"}),
    ("Query_for_list_of_schemas", {"schema"}), ("Query_for_list_of_databases", {"database"}),
    ("Query_for_list_of_functions", {"function"}), ("Query_for_list_of_procedures", {"function"}),
    ("Query_for_list_of_routines", {"function"}), ("Query_for_list_of_aggregates", {"function"}),
    ("Query_for_list_of_datatypes", {"datatype"}), ("Query_for_list_of_domains", {"datatype"}),
    ("Query_for_list_of_tablespaces", {"tablespace"}), ("Query_for_list_of_extensions", {"extension"}),
    ("Query_for_list_of_available_extensions", {"extension"}), ("Query_for_list_of_collations", {"collation"}),
    ("Query_for_constraint_of_table", {"constraint"}), ("Query_for_constraint_of_type", {"constraint"}),
    ("Query_for_index_of_table", {"index"}), ("Query_for_trigger_of_table", {"trigger"}),
    ("Query_for_rule_of_table", {"rule"}), ("Query_for_policy_of_table", {"policy"}),
    ("Query_for_list_of_triggers", {"trigger"}), ("Query_for_list_of_policies", {"policy"}),
    ("Query_for_list_of_rules", {"rule"}), ("Query_for_list_of_enum_values", {"value"}),
    ("Query_for_list_of_attributes", {"column"}), ("Query_for_list_of_updatables", {"table", "view"}),
    ("Query_for_list_of_selectables", {"table", "view"}), ("Query_for_list_of_relations", {"table", "view"}),
    ("Query_for_list_of_tpm", {"table", "view"}), ("Query_for_list_of_vacuumables", {"table", "view"}),
    ("Query_for_list_of_analyzables", {"table", "view"}), ("Query_for_list_of_clusterables", {"table", "view"}),
    ("Query_for_list_of_indexables", {"table", "view"}), ("Query_for_list_of_set_vars", {"setting"}),
    ("Query_for_list_of_show_vars", {"setting"}), ("Query_for_list_of_alter_system_set_vars", {"setting"}),
    ("Query_for_list_of_templates", {"database"}), ("Query_for_list_of_encodings", {"value"}),
    ("Query_for_list_of_tables_for_trigger", {"table"}), ("Query_for_list_of_tables_for_policy", {"table"}),
    ("Query_for_list_of_tables_for_rule", {"table"}), ("Query_for_list_of_tables_for_constraint", {"table"}),
    ("Query_for_list_of_truncatables", {"table"}), ("Query_for_partition_of_table", {"table"}),
    ("Query_for_constraint_of_table_not_validated", {"constraint"}), ("Query_for_all_table_constraints", {"constraint"}),
    ("Query_for_list_of_constraints_with_schema", {"constraint"}), ("Query_for_unique_index_of_table", {"index"}),
    ("Query_for_list_of_template_databases", {"database"}),
    # Kinds psqlui looks up on demand (CatalogLookupKind).
    ("Query_for_list_of_event_triggers", {"event_trigger"}), ("Query_for_list_of_languages", {"language"}),
    ("Query_for_list_of_access_methods", {"access_method"}), ("Query_for_list_of_table_access_methods", {"access_method"}),
    ("Query_for_list_of_index_access_methods", {"access_method"}),
    ("Query_for_list_of_ts_configurations", {"text_search"}), ("Query_for_list_of_ts_dictionaries", {"text_search"}),
    ("Query_for_list_of_ts_parsers", {"text_search"}), ("Query_for_list_of_ts_templates", {"text_search"}),
    ("Query_for_list_of_publications", {"publication"}), ("Query_for_list_of_subscriptions", {"subscription"}),
    ("Query_for_list_of_cursors", {"cursor"}), ("Query_for_list_of_prepared_statements", {"prepared_statement"}),
    ("Query_for_list_of_channels", {"channel"}), ("Query_for_list_of_available_extension_versions", {"value"}),
    ("Query_for_list_of_foreign_tables", {"table"}), ("Query_for_list_of_fdws", {"foreign_data_wrapper"}),
    ("Query_for_list_of_servers", {"server"}), ("Query_for_list_of_user_mappings", {"role"}),
]


def rules_tab_complete(text):
    """(words, literals, kinds) for each simple `Matches(...)` rule."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    start = text.find("psql_completion(")
    text = text[start:]
    out = []
    for m in re.finditer(r"(?:else\s+)?if\s*\(\s*Matches\(((?:[^()]|\([^()]*\))*)\)\s*\)", text):
        args = [a.strip() for a in re.split(r",(?![^()]*\))", m.group(1))]
        words = []
        ok = True
        for a in args:
            if a == "MatchAny":
                words.append(OBJECT_AFTER.get(words[-1].upper() if words else "", "tab1"))
            elif a.startswith('"') and a.endswith('"') and "*" not in a:
                words.append(a[1:-1].split("|")[0])
            else:
                ok = False
        if not ok or not words:
            continue
        rest = text[m.end():].lstrip()
        if rest.startswith("{"):
            depth, i = 0, 0
            for i, ch in enumerate(rest):
                depth += ch == "{"
                depth -= ch == "}"
                if depth == 0:
                    break
            body = rest[1:i]
            if re.search(r"\bif\s*\(", body):
                continue
        else:
            body = rest[:rest.find(";") + 1]
        if not re.search(r"COMPLETE_WITH", body):
            continue
        if re.search(r"COMPLETE_WITH_(FILES|SETTING|VAR|CONST|LIST_CS|CS|VERSIONED)", body):
            # The ones this set does not model (files, variables, case-sensitive lists): skipped.
            continue
        literals = [] if "Query_for" in body or "Keywords_for" in body else re.findall(r'"((?:[^"\\]|\\.)*)"', body)
        kinds = set()
        for name, k in KINDS:
            if re.search(r"\b" + name + r"\b", body):
                kinds |= k
        if ("Query_for" in body or "Keywords_for" in body) and not kinds:
            kinds = {"(unmodelled: " + re.search(r"\b(Query_for\w+|Keywords_for\w+)", body).group(1) + ")"}
        extra_literals = re.findall(r'"((?:[^"\\]|\\.)*)"', body) if kinds else []
        # Words to type, not SQL fragments of a query.
        keep = lambda l: l and "'" not in l and "%" not in l and not l.startswith(" ")
        out.append((words, [l for l in (literals or extra_literals) if keep(l)], kinds, literals == []))
    return out


def offered(word, candidates):
    w = word.lower()
    texts = [c[1].lower() for c in candidates]
    return any(t == w or t.startswith(w + " ") or w.startswith(t + " ") or t.strip("'\"") == w for t in texts)


def run_tab_complete(c_path, db, env):
    passed, total, failures = 0, 0, []
    seen = set()
    for words, literals, kinds, _ in rules_tab_complete(open(c_path).read()):
        text = " ".join(words) + " "
        if text in seen:
            continue
        seen.add(text)
        cands = psqlui_client.complete(db, text, None, env=env)
        ok = True
        why = []
        if kinds:
            have = {c[0] for c in cands}
            if not kinds & have:
                ok = False
                why.append("no " + "/".join(sorted(kinds)))
        missing = [l for l in literals if l and not l.startswith("(") and not offered(l, cands)]
        if not kinds and missing:
            ok = False
        if missing:
            why.append("missing " + ", ".join(missing[:6]) + (" …" if len(missing) > 6 else ""))
        total += 1
        if ok:
            passed += 1
        else:
            failures.append(f"{text!r}: " + "; ".join(why))
    return passed, total, failures


def main():
    psql_dir, db_prefix = sys.argv[1], sys.argv[2]
    workdir = sys.argv[3]
    pl = os.path.join(psql_dir, "t", "010_tab_completion.pl")
    c = os.path.join(psql_dir, "tab-complete.c")
    env = {"XDG_DATA_HOME": os.path.join(workdir, "data"), "XDG_STATE_HOME": os.path.join(workdir, "state")}
    db = psqlui_client.fresh_database(db_prefix + "_psql", setup_sql_010(open(pl).read()) + SCHEMA_EXTRA)
    results = []
    p, t, f = run_010(pl, db, workdir, env)
    results.append(("psql 010_tab_completion.pl", p, t, f))
    p, t, f = run_tab_complete(c, db, env)
    results.append(("psql tab-complete.c Matches() rules", p, t, f))
    for name, p, t, f in results:
        with open(os.path.join(workdir, name.split()[1] + ".failures.txt"), "w") as out:
            out.write("\n".join(f) + "\n")
        print(f"{name}: {p}/{t} pass ({100.0 * p / max(t, 1):.1f}%), failures in {workdir}/{name.split()[1]}.failures.txt")


if __name__ == "__main__":
    main()

"""A pytest plugin that runs pgcli's own completion tests against psqlui.

Loaded by scripts/completion-pass-rate.sh with `-p pgcli_plugin` while pytest runs
pgcli's test files from the pgcli checkout. For each test module it builds a
database from the module's `metadata` (schemas, tables, views, functions, types,
foreign keys) and replaces the module's `get_result`, `result_set` and
`completions_to_set`, so that every assertion compares psqlui's candidates with
what the test expects of pgcli.

A comparison passes when every expected candidate is among psqlui's (names
compared as pgcli shows them: a function by its name without the argument list, a
`*` expansion by the text it leaves before the cursor,
keywords and unquoted names in any case, a schema without the dot psqlui
(as psql) writes after a schema that qualifies a name, the `table alias`, `fk join` and `name join` kinds as
psqlui's `alias` and `join`), and psqlui's first candidate is one of them (or
psqlui offers nothing when nothing is expected). Start positions are not
compared. Each test runs once, with the completer closest to pgcli's defaults
(no casing file, no generated aliases, columns qualified when more than one table).
"""
import os
import re
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
import psqlui_client  # noqa: E402

_databases = {}


def _quote(name):
    return '"' + name.replace('"', '""') + '"'


def _function_sql(schema, f):
    name, arg_names, arg_types, arg_modes, return_type = f[0], list(f[1]), list(f[2]), list(f[3]), f[4]
    is_set_returning = len(f) > 7 and f[7]
    modes = {"i": "in", "o": "out", "b": "inout", "v": "variadic", "t": "table"}
    params, table_cols = [], []
    for i, arg in enumerate(arg_names):
        typ = arg_types[i] if i < len(arg_types) else "text"
        mode = arg_modes[i] if i < len(arg_modes) else "i"
        if mode == "t":
            table_cols.append(f"{_quote(arg)} {typ}")
        else:
            params.append(f"{modes.get(mode, 'in')} {_quote(arg)} {typ}")
    has_out = any(m in ("o", "b") for m in arg_modes)
    if table_cols:
        returns, body = "table (" + ", ".join(table_cols) + ")", "begin return; end"
    elif is_set_returning and has_out:
        outs = [arg_types[i] for i, m in enumerate(arg_modes) if m in ("o", "b")]
        returns, body = "setof " + (outs[0] if len(outs) == 1 else "record"), "begin return; end"
    elif is_set_returning:
        returns, body = "setof " + (return_type or "text"), "begin return; end"
    elif has_out:
        returns, body = None, "begin return; end"
    elif not return_type or return_type == "void":
        returns, body = "void", "begin return; end"
    else:
        returns, body = return_type, "begin return null; end"
    r = f" returns {returns}" if returns else ""
    return f"create function {_quote(schema)}.{_quote(name)}({', '.join(params)}){r} language plpgsql as $body$ {body} $body$;"


def schema_sql(metadata):
    """SQL that creates what a pgcli test module's `metadata` describes."""
    schemas = set()
    for kind in ("tables", "views", "functions", "datatypes"):
        schemas.update(metadata.get(kind, {}).keys())
    out = [f"create schema if not exists {_quote(s)};" for s in sorted(schemas)]
    for s, tables in metadata.get("tables", {}).items():
        for t, cols in tables.items():
            out.append(f"create table {_quote(s)}.{_quote(t)} (" + ", ".join(f"{_quote(c)} text" for c in cols) + ");")
    for s, views in metadata.get("views", {}).items():
        for v, cols in views.items():
            out.append(f"create view {_quote(s)}.{_quote(v)} as select " + ", ".join(f"null::text as {_quote(c)}" for c in cols) + ";")
    for s, types in metadata.get("datatypes", {}).items():
        for t in types:
            out.append(f"create domain {_quote(s)}.{_quote(t)} as text;")
    for s, funcs in metadata.get("functions", {}).items():
        for f in funcs:
            out.append(_function_sql(s, f))
    for s, defaults in metadata.get("defaults", {}).items():
        for (t, c), expr in defaults.items():
            for seq in re.findall(r"nextval\('([^']+)'", expr):
                out.append(f"create sequence if not exists {_quote(s)}.{_quote(seq)};")
            out.append(f"alter table {_quote(s)}.{_quote(t)} alter column {_quote(c)} set default {expr};")
    uniques = set()
    for fks in metadata.get("foreignkeys", {}).values():
        for (ps, pt, pc, cs, ct, cc) in fks:
            if (ps, pt, pc) not in uniques:
                uniques.add((ps, pt, pc))
                out.append(f"alter table {_quote(ps)}.{_quote(pt)} add unique ({_quote(pc)});")
            out.append(f"alter table {_quote(cs)}.{_quote(ct)} add foreign key ({_quote(cc)}) references {_quote(ps)}.{_quote(pt)} ({_quote(pc)});")
    return "\n".join(out)


def database_for(module):
    name = module.__name__
    if name not in _databases:
        metadata = getattr(module, "metadata", {}) or {}
        db = "pgcli_" + re.sub(r"[^a-z0-9_]", "_", name.lower())
        _databases[name] = psqlui_client.fresh_database(db, schema_sql(metadata))
    return _databases[name]


META = {"table": "table", "view": "view", "column": "column", "keyword": "keyword", "function": "function",
        "schema": "schema", "datatype": "datatype", "alias": "table alias", "join": "join", "expansion": "columns",
        "command": "special", "database": "database", "value": "value"}


def _normalize(text, meta):
    meta = {"fk join": "join", "name join": "join", "table alias": "alias", "columns": "expansion"}.get(meta, meta)
    if meta not in ("keyword", "join", "alias", "table", "view", "column", "function", "schema", "datatype",
                    "expansion", "database", "value", "special"):
        meta = "special"  # pgcli's backslash commands carry their description
    if meta == "function":
        text = text.split("(")[0]
    if meta == "schema" and text.endswith("."):
        text = text[:-1]  # psqlui offers a qualifying schema as psql does, with its dot
    if meta in ("keyword", "join", "special"):
        text = " ".join(text.lower().split())
    elif not text.startswith('"'):
        text = text.lower()  # an unquoted name is folded to lower case by the server
    return (text, meta)


class Result(list):
    """psqlui's candidates; comparisons use the pass rule above."""

    text = ""

    def _applied(self, c):
        """A `*` expansion as the text it leaves before the cursor (pgcli replaces the
        star only, psqlui the star and its qualifier)."""
        if c.display_meta_text not in ("columns", "expansion"):
            return _normalize(c.text, c.display_meta_text)
        before = self.text.split("‸")[0]
        return _normalize(before[:len(before) + c.start_position] + c.text, "expansion")

    def _check(self, expected):
        ours = [self._applied(c) for c in self]
        wanted = {self._applied(c) for c in expected}
        ok = (not ours) if not wanted else (wanted.issubset(set(ours)) and ours[0] in wanted)
        log = os.environ.get("PASSRATE_LOG")
        if log and not ok:
            missing = sorted(wanted - set(ours))
            with open(log, "a") as f:
                f.write(f"{self.text!r}\n  missing {len(missing)}: {missing[:8]}\n  ours {len(ours)}: {ours[:6]}\n")
        return ok

    def __eq__(self, other):
        if isinstance(other, (list, tuple, set)):
            return self._check(list(other))
        return NotImplemented

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None

    def __getitem__(self, i):
        item = super().__getitem__(i)
        if isinstance(i, slice):
            r = Result(item)
            r.text = self.text
            return r
        return item


class ResultSet(set):
    """`completions_to_set`/`result_set` of psqlui's candidates."""

    def __init__(self, result):
        super().__init__()
        self.result = result

    def __eq__(self, other):
        if isinstance(other, (ResultSet, Expected)):
            return self.result._check(other.items if isinstance(other, Expected) else list(other.result))
        return NotImplemented

    __hash__ = None


class Expected(set):
    """`completions_to_set` of what the test expects."""

    def __init__(self, items):
        super().__init__()
        self.items = list(items)

    def __eq__(self, other):
        if isinstance(other, ResultSet):
            return other.__eq__(self)
        if isinstance(other, Expected):
            return {_normalize(c.text, c.display_meta_text) for c in self.items} == {_normalize(c.text, c.display_meta_text) for c in other.items}
        return NotImplemented

    __hash__ = None


def _install(module):
    from prompt_toolkit.completion import Completion

    db = database_for(module)

    def get_result(completer, text, position=None):
        position = len(text) if position is None else position
        lines = psqlui_client.complete(db, text, position)
        r = Result(Completion(t, start_position=start - position, display_meta=META.get(kind, kind)) for kind, t, start in lines)
        r.text = text[:position] + "‸" + text[position:]
        return r

    def result_set(completer, text, position=None):
        return ResultSet(get_result(completer, text, position))

    def completions_to_set(completions):
        return ResultSet(completions) if isinstance(completions, Result) else Expected(completions)

    module.get_result = get_result
    module.result_set = result_set
    module.completions_to_set = completions_to_set


def _completer_distance(item):
    params = getattr(getattr(item, "callspec", None), "params", {})
    c = params.get("completer")
    if c is None:
        return 0
    d = 0
    d += 4 if getattr(c, "casing", None) else 0
    d += 2 if getattr(c, "generate_aliases", False) else 0
    d += 0 if getattr(c, "qualify_columns", "") == "if_more_than_one_table" else 1
    d += 1 if getattr(c, "search_path_filter", False) else 0
    return d


def pytest_collection_modifyitems(session, config, items):
    """One item per test and parameters other than the completer: the closest to pgcli's defaults."""
    best = {}
    order = []
    for item in items:
        params = dict(getattr(getattr(item, "callspec", None), "params", {}))
        params.pop("completer", None)
        key = (item.module.__name__, item.originalname, repr(sorted((k, repr(v)) for k, v in params.items())))
        if key not in best:
            order.append(key)
            best[key] = item
        elif _completer_distance(item) < _completer_distance(best[key]):
            best[key] = item
    items[:] = [best[k] for k in order]


def pytest_runtest_setup(item):
    _install(item.module)

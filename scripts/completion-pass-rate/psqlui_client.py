"""Runs `psqlui --complete` for the pass-rate harnesses (scripts/completion-pass-rate.sh)."""
import os
import subprocess

PSQLUI = os.environ.get("PSQLUI", "psqlui")


def complete(database, text, cursor=None, cwd=None, env=None):
    """The candidates for `text` (cursor at `cursor`, default its end) as (kind, text, start) tuples."""
    args = [PSQLUI, "-X", "-d", database, "--complete", text]
    if cursor is not None:
        args += ["--cursor", str(cursor)]
    full_env = dict(os.environ)
    full_env.update(env or {})
    out = subprocess.run(args, capture_output=True, cwd=cwd, env=full_env, timeout=60)
    lines = []
    for line in out.stdout.decode("utf-8", "replace").split("\n"):
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        lines.append((parts[0], parts[1], int(parts[2])))
    return lines


def psql(database, sql):
    """Runs SQL with the machine's psql (PSQL), stopping at the first error."""
    psql_bin = os.environ.get("PSQL", "psql")
    subprocess.run([psql_bin, "-qX", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
                   check=True, capture_output=True)


def fresh_database(name, sql):
    """Drops and creates database `name` and runs `sql` in it."""
    psql("postgres", f'drop database if exists "{name}"')
    psql("postgres", f'create database "{name}"')
    if sql.strip():
        psql(name, sql)
    return name


def complete_args(database, text, extra, cwd=None, env=None):
    """`complete` with extra options before `--complete` (`-v NAME=VALUE`)."""
    args = [PSQLUI, "-X", "-d", database] + extra + ["--complete", text]
    full_env = dict(os.environ)
    full_env.update(env or {})
    out = subprocess.run(args, capture_output=True, cwd=cwd, env=full_env, timeout=60)
    lines = []
    for line in out.stdout.decode("utf-8", "replace").split("\n"):
        parts = line.split("\t")
        if len(parts) >= 3:
            lines.append((parts[0], parts[1], int(parts[2])))
    return lines

#compdef psqlui

__psqlui_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__psqlui_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __psqlui_complete "${completions[@]:0:-1}"
    fi
}

__psqlui_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_psqlui() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '(-h --host)'{-h,--host}'[Database server host or socket directory.]:host:'
        '(-p --port)'{-p,--port}'[Database server port.]:port:'
        '(-U --username)'{-U,--username}'[Database user name.]:username:'
        '(-d --dbname)'{-d,--dbname}'[Database name, conninfo string or URI.]:dbname:'
        '(-W --password)'{-W,--password}'[Ask for a password before connecting.]'
        '(-w --no-password)'{-w,--no-password}'[Never ask for a password.]'
        '(-D --profile)'{-D,--profile}'[Connect with the \[connections.NAME\] profile of config.toml.]:profile:'
        '--ssh-tunnel[Connect through an SSH tunnel to HOST (the ssh plugin; the system ssh and ~/.ssh/config).]:\[USER@\]HOST\[\:PORT\]:'
        '--read-only[Make the session read-only (default_transaction_read_only); the prompt says so.]'
        '--temp[Start a throwaway local PostgreSQL with a demo schema, connect to it, remove it on exit.]'
        '*'{-c,--command}'[Run one command string (repeatable; runs in order with -f).]:command:'
        '*'{-f,--file}'[Run commands from a file (- for stdin; repeatable).]:file:'
        '*'{-v,--set,--variable}'[Set a variable\: NAME=VALUE.]:set:'
        '(-1 --single-transaction)'{-1,--single-transaction}'[Run all -c/-f actions in one transaction.]'
        '(-q --quiet)'{-q,--quiet}'[No informational messages or command tags.]'
        '(-X --no-psqlrc)'{-X,--no-psqlrc}'[Skip config files and outside plugins.]'
        '(-n --no-readline)'{-n,--no-readline}'[Do not use the line editor.]'
        '(-s --single-step)'{-s,--single-step}'[Ask before sending each statement (SINGLESTEP).]'
        '(-S --single-line)'{-S,--single-line}'[End of line ends a statement, as a semicolon does (SINGLELINE).]'
        '(-e --echo-queries)'{-e,--echo-queries}'[Echo each statement sent to the server.]'
        '(-a --echo-all)'{-a,--echo-all}'[Echo all input from a script.]'
        '(-E --echo-hidden)'{-E,--echo-hidden}'[Show the queries that backslash commands run (ECHO_HIDDEN).]'
        '(-b --echo-errors)'{-b,--echo-errors}'[Echo statements that failed (ECHO=errors).]'
        '(-l --list)'{-l,--list}'[List the databases, then exit.]'
        '(-z --field-separator-zero)'{-z,--field-separator-zero}'[Field separator for unaligned output\: a zero byte.]'
        '(-0 --record-separator-zero)'{-0,--record-separator-zero}'[Record separator for unaligned output\: a zero byte.]'
        '(-T --table-attr)'{-T,--table-attr}'[HTML table attributes (as \\pset tableattr).]:table-attr:'
        '(-A --no-align)'{-A,--no-align}'[Unaligned output.]'
        '(-t --tuples-only)'{-t,--tuples-only}'[Print rows only.]'
        '(-F --field-separator)'{-F,--field-separator}'[Field separator for unaligned output.]:field-separator:'
        '(-R --record-separator)'{-R,--record-separator}'[Record separator for unaligned output.]:record-separator:'
        '(-x --expanded)'{-x,--expanded}'[Expanded (vertical) records.]'
        '*'{-P,--pset}'[Set a print option\: NAME=VALUE (null, border, format, fieldsep, tuples_only, expanded, footer).]:pset:'
        '(-L --log-file)'{-L,--log-file}'[Also write each statement and its results to a log file.]:log-file:'
        '(-o --output)'{-o,--output}'[Send query results to a file.]:output:'
        '--format[Show results in an export format\: csv, tsv, json, ndjson, html, markdown, sql, a plugin'\''s, or aligned/unaligned.]:format:'
        '--csv[CSV output (same as --format csv).]'
        '(-H --html)'{-H,--html}'[HTML table output (same as --format html).]'
        '(-V --version)'{-V,--version}'[Print the version and exit.]'
        '--print-config[Print each effective setting and where it came from, then exit.]'
        '--trust-project[Trust the project in DIR (default\: the current directory) to use its .psqlui/ config and plugins, then exit.]'
        '--complete[Print the completions for TEXT, one per line as KIND<TAB>CANDIDATE<TAB>START, best first, and exit.]:complete:'
        '--cursor[With --complete\: the cursor'\''s character offset in TEXT (default\: its end).]:cursor:'
        '*:positional:'
        '(-? --help)'{-?,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        help)
            "_psqlui_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_psqlui_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _psqlui ]]; then
    _psqlui "${@}"
else
    compdef _psqlui psqlui
fi

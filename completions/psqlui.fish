function __psqlui_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __psqlui_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __psqlui_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __psqlui_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __psqlui_parse_tokens -S
    set -l unparsed_tokens (__psqlui_tokens -pc)
    switch $unparsed_tokens[1]
    case 'psqlui'
        __psqlui_parse_subcommand -r 1 'h/host=' 'p/port=' 'U/username=' 'd/dbname=' 'W/password' 'w/no-password' 'D/profile=' 'ssh-tunnel=' 'read-only' 'temp' 'c/command=+' 'f/file=+' 'v/set=+' '1/single-transaction' 'q/quiet' 'X/no-psqlrc' 'n/no-readline' 's/single-step' 'S/single-line' 'e/echo-queries' 'a/echo-all' 'E/echo-hidden' 'b/echo-errors' 'l/list' 'z/field-separator-zero' '0/record-separator-zero' 'T/table-attr=' 'A/no-align' 't/tuples-only' 'F/field-separator=' 'R/record-separator=' 'x/expanded' 'P/pset=+' 'L/log-file=' 'o/output=' 'format=' 'csv' 'H/html' 'V/version' 'print-config' 'trust-project' 'complete=' 'cursor=' '?/help'
        switch $unparsed_tokens[1]
        case 'help'
            __psqlui_parse_subcommand -r 1 
        end
    end
end

function __psqlui_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __psqlui_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __psqlui_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __psqlui_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__psqlui_tokens -p)
    if test -z "$(__psqlui_tokens -t)"
        set -l index (count (__psqlui_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'psqlui' -f
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" h host' -s 'h' -l 'host' -d 'Database server host or socket directory.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" p port' -s 'p' -l 'port' -d 'Database server port.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" U username' -s 'U' -l 'username' -d 'Database user name.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" d dbname' -s 'd' -l 'dbname' -d 'Database name, conninfo string or URI.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" W password' -s 'W' -l 'password' -d 'Ask for a password before connecting.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" no-password w' -s 'w' -l 'no-password' -d 'Never ask for a password.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" D profile' -s 'D' -l 'profile' -d 'Connect with the [connections.NAME] profile of config.toml.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" ssh-tunnel' -l 'ssh-tunnel' -d 'Connect through an SSH tunnel to HOST (the ssh plugin; the system ssh and ~/.ssh/config).' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" read-only' -l 'read-only' -d 'Make the session read-only (default_transaction_read_only); the prompt says so.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" temp' -l 'temp' -d 'Start a throwaway local PostgreSQL with a demo schema, connect to it, remove it on exit.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui"' -s 'c' -l 'command' -d 'Run one command string (repeatable; runs in order with -f).' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui"' -s 'f' -l 'file' -d 'Run commands from a file (- for stdin; repeatable).' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui"' -s 'v' -l 'set' -l 'variable' -d 'Set a variable: NAME=VALUE.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" 1 single-transaction' -s '1' -l 'single-transaction' -d 'Run all -c/-f actions in one transaction.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" q quiet' -s 'q' -l 'quiet' -d 'No informational messages or command tags.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" X no-psqlrc' -s 'X' -l 'no-psqlrc' -d 'Skip config files and outside plugins.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" n no-readline' -s 'n' -l 'no-readline' -d 'Do not use the line editor.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" s single-step' -s 's' -l 'single-step' -d 'Ask before sending each statement (SINGLESTEP).'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" S single-line' -s 'S' -l 'single-line' -d 'End of line ends a statement, as a semicolon does (SINGLELINE).'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" e echo-queries' -s 'e' -l 'echo-queries' -d 'Echo each statement sent to the server.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" a echo-all' -s 'a' -l 'echo-all' -d 'Echo all input from a script.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" E echo-hidden' -s 'E' -l 'echo-hidden' -d 'Show the queries that backslash commands run (ECHO_HIDDEN).'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" b echo-errors' -s 'b' -l 'echo-errors' -d 'Echo statements that failed (ECHO=errors).'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" l list' -s 'l' -l 'list' -d 'List the databases, then exit.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" field-separator-zero z' -s 'z' -l 'field-separator-zero' -d 'Field separator for unaligned output: a zero byte.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" 0 record-separator-zero' -s '0' -l 'record-separator-zero' -d 'Record separator for unaligned output: a zero byte.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" T table-attr' -s 'T' -l 'table-attr' -d 'HTML table attributes (as \\pset tableattr).' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" A no-align' -s 'A' -l 'no-align' -d 'Unaligned output.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" t tuples-only' -s 't' -l 'tuples-only' -d 'Print rows only.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" F field-separator' -s 'F' -l 'field-separator' -d 'Field separator for unaligned output.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" R record-separator' -s 'R' -l 'record-separator' -d 'Record separator for unaligned output.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" expanded x' -s 'x' -l 'expanded' -d 'Expanded (vertical) records.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui"' -s 'P' -l 'pset' -d 'Set a print option: NAME=VALUE (null, border, format, fieldsep, tuples_only, expanded, footer).' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" L log-file' -s 'L' -l 'log-file' -d 'Also write each statement and its results to a log file.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" o output' -s 'o' -l 'output' -d 'Send query results to a file.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" format' -l 'format' -d 'Show results in an export format: csv, tsv, json, ndjson, html, markdown, sql, a plugin\'s, or aligned/unaligned.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" csv' -l 'csv' -d 'CSV output (same as --format csv).'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" H html' -s 'H' -l 'html' -d 'HTML table output (same as --format html).'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" V version' -s 'V' -l 'version' -d 'Print the version and exit.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" print-config' -l 'print-config' -d 'Print each effective setting and where it came from, then exit.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" trust-project' -l 'trust-project' -d 'Trust the project in DIR (default: the current directory) to use its .psqlui/ config and plugins, then exit.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" complete' -l 'complete' -d 'Print the completions for TEXT, one per line as KIND<TAB>CANDIDATE<TAB>START, best first, and exit.' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" cursor' -l 'cursor' -d 'With --complete: the cursor\'s character offset in TEXT (default: its end).' -rfka ''
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_flags_or_options "psqlui" ? help' -s '?' -l 'help' -d 'Show help information.'
complete -c 'psqlui' -n '__psqlui_should_offer_completions_for_positional "psqlui" -eq 1' -fa 'help' -d 'Show subcommand help information.'

// libedit's readline-compatible API. Included as <editline/readline.h> so that a
// missing libedit-dev fails here, clearly, rather than later in a confusing way.
#include <stdio.h>
#include <editline/readline.h>

// libpq's public header; pkg-config (libpq.pc) supplies -I/usr/include/postgresql.
#include <libpq-fe.h>

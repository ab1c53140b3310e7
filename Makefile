# psqlui — the two commands in README.md are `make run` and `make test`.
# Each installs what it needs on a fresh machine (we are root there).
SWIFT      ?= swift
PREFIX     ?= /usr/local
CONFIG     ?= debug
BIN        := .build/$(CONFIG)/psqlui
TEST_TIMEOUT ?= 3000

.PHONY: deps build release run test bench fuzz install uninstall clean

deps:
	@dpkg -s libedit-dev >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libedit-dev)
	@dpkg -s libpq-dev >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libpq-dev)
	@command -v tmux >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y tmux)
	@(command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1) || \
	  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-client)
	@command -v psql >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-client)

build: deps
	$(SWIFT) build -c $(CONFIG)

release:
	$(MAKE) build CONFIG=release

# Opens the REPL: on $PGHOST/$PGDATABASE when set, else on a throwaway local cluster.
run: build
	@if [ -n "$$PGHOST$$PGDATABASE" ]; then exec $(BIN); else exec $(BIN) --temp; fi

test: deps
	$(SWIFT) build --build-tests
	LC_ALL=C.UTF-8 scripts/test-cluster.sh timeout $(TEST_TIMEOUT) $(SWIFT) test --skip-build

bench: deps
	$(SWIFT) build -c release
	scripts/bench.sh

clean:
	rm -rf .build

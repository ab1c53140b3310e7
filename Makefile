# psqlui — the two commands in README.md are `make run` and `make test`.
# Each installs what it needs on a fresh machine (we are root there).
SWIFT      ?= swift
PREFIX     ?= /usr/local
CONFIG     ?= debug
BIN        := .build/$(CONFIG)/psqlui
TEST_TIMEOUT ?= 3000

.PHONY: deps build release run test bench fuzz install uninstall generated clean

deps:
	@dpkg -s libedit-dev >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libedit-dev)
	@dpkg -s libpq-dev >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libpq-dev)
	@dpkg -s libzstd-dev >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libzstd-dev)
	@command -v tmux >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y tmux)
	@(command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1) || \
	  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-client)
	@command -v psql >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-client)
	@# The live reference is psql 15.20 (Debian's security release): 15.18, which some
	@# images ship, pads expanded records differently, so the comparisons need one version.
	@# The binary itself is checked, not the package: a package can be "installed" while
	@# its psql file is gone (seen on these machines), and the live tests need that file.
	@ver=$$([ -x /usr/lib/postgresql/15/bin/psql ] && /usr/lib/postgresql/15/bin/psql --version | sed -n 's/.* 15\.\([0-9]*\).*/\1/p'); \
	  if [ "$${ver:-0}" -lt 20 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --reinstall postgresql-15 postgresql-client-15; fi
	@(command -v man >/dev/null 2>&1 && command -v groff >/dev/null 2>&1) || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y man-db groff)

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

# The release binary finds libPsqluiPluginAPI.so (shared with plugins) in
# $(PREFIX)/lib/psqlui through its run path.
RPATH_FLAGS := -Xlinker -rpath -Xlinker '$$ORIGIN/../lib/psqlui'
BASH_COMPLETION_DIR ?= $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR  ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR ?= $(PREFIX)/share/fish/vendor_completions.d

# BUILD_DIR: SwiftPM's scratch path (the install test builds in its own).
BUILD_DIR ?= .build

install: deps
	$(SWIFT) build -c release --scratch-path $(BUILD_DIR) $(RPATH_FLAGS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/psqlui $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(BASH_COMPLETION_DIR) $(DESTDIR)$(ZSH_COMPLETION_DIR) $(DESTDIR)$(FISH_COMPLETION_DIR)
	install -m 755 $(BUILD_DIR)/release/psqlui $(DESTDIR)$(PREFIX)/bin/psqlui
	install -m 755 $(BUILD_DIR)/release/libPsqluiPluginAPI.so $(DESTDIR)$(PREFIX)/lib/psqlui/libPsqluiPluginAPI.so
	install -m 644 man/psqlui.1 $(DESTDIR)$(PREFIX)/share/man/man1/psqlui.1
	install -m 644 completions/psqlui.bash $(DESTDIR)$(BASH_COMPLETION_DIR)/psqlui
	install -m 644 completions/psqlui.zsh $(DESTDIR)$(ZSH_COMPLETION_DIR)/_psqlui
	install -m 644 completions/psqlui.fish $(DESTDIR)$(FISH_COMPLETION_DIR)/psqlui.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/psqlui $(DESTDIR)$(PREFIX)/share/man/man1/psqlui.1 \
	  $(DESTDIR)$(BASH_COMPLETION_DIR)/psqlui $(DESTDIR)$(ZSH_COMPLETION_DIR)/_psqlui \
	  $(DESTDIR)$(FISH_COMPLETION_DIR)/psqlui.fish $(DESTDIR)$(PREFIX)/lib/psqlui/libPsqluiPluginAPI.so
	-rmdir $(DESTDIR)$(PREFIX)/lib/psqlui 2>/dev/null

# Regenerates completions/ and man/psqlui.1 from the current CLI and registry.
generated: build
	for s in bash zsh fish; do $(BIN) --generate-completion-script $$s > completions/psqlui.$$s; done
	$(BIN) --generate-man-page > man/psqlui.1

clean:
	rm -rf .build

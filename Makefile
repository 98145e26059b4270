# orgnet: the two commands of the README's Quick start are `make render` and `make test`.
PREFIX ?= /usr/local
SWIFT ?= swift
OUT ?= orgnet-default.svg

.PHONY: lint format render test build release install uninstall deps clean completions man docs bench

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Render the default month of the built-in dataset (its dataset.yaml names it: October 1917) and say where the picture went.
render: build
	@$(SWIFT) run -q orgnet render -o $(OUT)

# The whole test suite (Swift Testing: engine, loaders, measures, CLI end to end).
# The code's layout is swift-format's, configured in .swift-format (4-space indent, 120 columns).
FORMAT_PATHS = Package.swift Sources Tests Plugins Fuzz

lint:
	$(SWIFT) format lint --strict --recursive $(FORMAT_PATHS)

format:
	$(SWIFT) format format --in-place --parallel --recursive $(FORMAT_PATHS)

test: deps
	$(SWIFT) build
	$(SWIFT) test

# Shell completions and the man page, generated from the argument parser into $(GEN).
# BIN is the binary they describe (and `make install` copies); `make install BIN=path` installs
# an already built binary without building (the tests do).
BIN ?= .build/release/orgnet
GEN ?= .build/share

$(BIN):
	$(MAKE) release

completions: $(BIN)
	mkdir -p $(GEN)
	$(BIN) --generate-completion-script bash > $(GEN)/orgnet.bash
	$(BIN) --generate-completion-script zsh > $(GEN)/_orgnet
	$(BIN) --generate-completion-script fish > $(GEN)/orgnet.fish

man: $(BIN)
	mkdir -p $(GEN)
	python3 scripts/man/generate-man.py $(BIN) > $(GEN)/orgnet.1

install: $(if $(filter .build/release/orgnet,$(BIN)),release) completions man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/orgnet
	install -m 644 $(GEN)/orgnet.1 $(DESTDIR)$(PREFIX)/share/man/man1/orgnet.1
	install -m 644 $(GEN)/orgnet.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/orgnet
	install -m 644 $(GEN)/_orgnet $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_orgnet
	install -m 644 $(GEN)/orgnet.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/orgnet.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/orgnet $(DESTDIR)$(PREFIX)/share/man/man1/orgnet.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/orgnet \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_orgnet \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/orgnet.fish

# Times orgnet against networkx, igraph, rustworkx and networkit; writes Benchmarks/RESULTS.md.
bench: deps
	Benchmarks/run.sh

clean:
	$(SWIFT) package clean

# DocC documentation of the libraries: one archive per module in $(DOCS_OUT) (docs/library.md).
# Symbol graphs come from the debug build (`swift package dump-symbol-graph`); `docc` is the
# toolchain's (DOCC=path to use another).
DOCC ?= $(shell command -v docc 2>/dev/null || xcrun --find docc 2>/dev/null)
DOCS_OUT ?= .build/docs
DOC_MODULES = OrgNet OrgNetIO GraphKit Graphviz OrgNetRender

docs: deps
	@test -n "$(DOCC)" || { echo "make docs: no docc in this toolchain; set DOCC=/path/to/docc" >&2; exit 69; }
	$(SWIFT) package dump-symbol-graph --minimum-access-level public
	@graphs=$$($(SWIFT) build --show-bin-path)/../symbolgraph; \
	for m in $(DOC_MODULES); do \
		rm -rf $(DOCS_OUT)/symbols/$$m && mkdir -p $(DOCS_OUT)/symbols/$$m && \
		cp $$graphs/$$m.symbols.json $(DOCS_OUT)/symbols/$$m/ && \
		{ cp $$graphs/$$m@*.symbols.json $(DOCS_OUT)/symbols/$$m/ 2>/dev/null || true; } && \
		echo "docc convert $$m" && \
		"$(DOCC)" convert Sources/$$m/$$m.docc --additional-symbol-graph-dir $(DOCS_OUT)/symbols/$$m \
			--fallback-display-name $$m --fallback-bundle-identifier org.orgnet.$$m \
			--transform-for-static-hosting --hosting-base-path $$m \
			--output-path $(DOCS_OUT)/$$m.doccarchive || exit 1; \
	done
	@echo "documentation: $(DOCS_OUT)/<module>.doccarchive (docs/library.md says how to preview it)"


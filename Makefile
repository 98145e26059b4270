# orgnet: the two commands of the README's Quick start are `make render` and `make test`.
PREFIX ?= /usr/local
SWIFT ?= swift
OUT ?= orgnet-latest.svg

.PHONY: render test build release install uninstall data deps clean bench

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Render the latest month of the built-in dataset and say where the picture went.
render: build
	@$(SWIFT) run -q orgnet render -o $(OUT)

# The whole test suite (Swift Testing: engine, loaders, measures, CLI end to end).
test: deps
	$(SWIFT) build
	$(SWIFT) test

# Regenerate the datasets compiled into the binary after editing Graphs/.
data:
	python3 scripts/embed-datasets.py

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/orgnet $(DESTDIR)$(PREFIX)/bin/orgnet

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/orgnet

# Times orgnet against networkx, igraph, rustworkx and networkit; writes Benchmarks/RESULTS.md.
bench: deps
	Benchmarks/run.sh

clean:
	$(SWIFT) package clean

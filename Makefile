# mlscape: `make figures` sets up and renders the blog's figure set into output/;
# `make test` sets up and runs the tests. Both install what is missing (Debian 12, as root).

DEBIAN_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev zlib1g-dev fonts-dejavu-core fonts-dejavu-extra fonts-comic-neue \
                   fonts-droid-fallback fonts-lohit-deva fonts-symbola librsvg2-bin poppler-utils python3
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup build figures install test fuzz clean gallery-check mutate browser-test bench-check

# Where `make install` puts bin/mlscape: /usr/local as root, ~/.local otherwise (no sudo needed).
PREFIX ?= $(shell [ "$$(id -u)" = 0 ] && echo /usr/local || echo $$HOME/.local)
# The binary `make install` copies; `make build` makes it.
BIN ?= $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)/mlscape

## Install the Debian packages that are missing (the Cairo/Pango headers, the fonts, the test readers).
setup:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "installing:" $$missing; \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

build: setup
	$(SWIFT) build -c release --product mlscape

## Install mlscape on the PATH, then render the default figure set into output/ (PNG and SVG).
figures: install
	$(PREFIX)/bin/mlscape render --out output

## Copy the release binary to $(PREFIX)/bin/mlscape (PREFIX=/usr/local as root, else ~/.local).
install: build
	install -d "$(PREFIX)/bin"
	install -m 755 "$(BIN)" "$(PREFIX)/bin/mlscape"
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) echo "installed $(PREFIX)/bin/mlscape";; \
	    *) echo "installed $(PREFIX)/bin/mlscape; $(PREFIX)/bin is not on your PATH: export PATH=\"$(PREFIX)/bin:\$$PATH\"";; esac

## Run every test.
test: setup
	$(SWIFT) test

## The cost check (README, Performance): `mlscape bench work` counts the expensive loops' work
## over a fixed catalogue and fails when a counter grows past 1.3x bench/work-baseline.json,
## or the set's time in zlib units past 3x. A commit that writes a new baseline says why:
## its message names the baseline.
bench-check: build
	@if git rev-parse -q --verify HEAD~1 >/dev/null 2>&1 && git diff --name-only HEAD~1 HEAD | grep -qx bench/work-baseline.json \
	    && ! git log -1 --format=%B | grep -qi baseline; then \
	    echo "bench/work-baseline.json changed: say why in the commit message (a line about the baseline)"; exit 1; fi
	$$($(SWIFT) build -c release --show-bin-path)/mlscape bench work --check bench/work-baseline.json

## Coverage-guided fuzzing: libFuzzer + AddressSanitizer, 40 s per decoder (fuzz/run.sh).
fuzz: setup
	fuzz/run.sh

## Mutation check: each bug in scripts/mutations.txt, applied alone to a scratch copy of the
## sources (.build-mutate/), must make its tests fail. Takes several minutes; not run in CI.
mutate: setup
	python3 scripts/mutate.py

clean:
	rm -rf .build output

## A look at the gallery as a browser shows it: output/index.html in headless Chromium,
## screenshot in output/gallery.png (installs Debian's chromium when missing).
gallery-check: figures
	@command -v chromium >/dev/null || (DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null)
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,2600 \
	    --screenshot=$(CURDIR)/output/gallery.png file://$(CURDIR)/output/index.html
	@echo "look at output/gallery.png"

## The HTML format and `mlscape serve` in Debian's headless Chromium, driven by chromium-driver
## through selenium (installs chromium and chromium-driver, and selenium and pytest from PyPI,
## when missing). Ends with pytest's 'N passed' line.
browser-test: setup
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	    ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null)
	@python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q selenium pytest || \
	    python3 -m pip install -q --break-system-packages selenium pytest
	$(SWIFT) build --product mlscape
	MLSCAPE=$$($(SWIFT) build --show-bin-path)/mlscape python3 -m pytest -q -s -p no:cacheprovider Tests/Browser

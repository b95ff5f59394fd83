# mlscape: `make figures` sets up and renders the blog's figure set into output/;
# `make test` sets up and runs the tests. Both install what is missing (Debian 12, as root).

DEBIAN_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev zlib1g-dev fonts-dejavu-core fonts-comic-neue \
                   fonts-droid-fallback fonts-lohit-deva fonts-symbola librsvg2-bin poppler-utils
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup build figures test fuzz clean gallery-check mutate browser-test

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

## Render the default figure set into output/ (PNG and SVG).
figures: build
	$$($(SWIFT) build -c release --show-bin-path)/mlscape render --out output

## Run every test.
test: setup
	$(SWIFT) test

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

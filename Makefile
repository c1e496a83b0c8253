# Tandem: the two commands of the quick start are `make site` and `make test`.
SWIFT ?= swift
TANDEM := .build/release/tandem

.PHONY: site test build release deps wasm wasm-check lint format clean

## Build the example site in content/ into public/ and print where to open it.
site: release
	$(TANDEM) build
	@echo "Open the site: file://$(CURDIR)/public/index.html"
	@if [ -n "$$DISPLAY" ] && command -v xdg-open >/dev/null 2>&1; then xdg-open public/index.html >/dev/null 2>&1 & fi

## Run every test: unit and fixture tests, the browser suite, the committed wasm check, the format lint.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	Scripts/browser-tests.sh
	Scripts/build-wasm.sh --check
	Scripts/fuzz.sh --smoke
	$(MAKE) lint

## The code's format, as .swift-format sets it (`make format` fixes it).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Plugins

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Plugins

release: deps
	$(SWIFT) build -c release --product tandem

build: deps
	$(SWIFT) build

deps:
	@Scripts/ensure-deps.sh

## Rebuild site-templates/assets/scoring.wasm from Sources/ScoringCore (Embedded Swift).
wasm:
	Scripts/build-wasm.sh

wasm-check:
	Scripts/build-wasm.sh --check

## Fuzz every parser for FUZZ_SECONDS each (default 600); docs/fuzzing.md. `make fuzz-smoke`: briefly.
.PHONY: fuzz fuzz-smoke
fuzz:
	Scripts/fuzz.sh

fuzz-smoke:
	Scripts/fuzz.sh --smoke

clean:
	rm -rf .build .build-fuzz public

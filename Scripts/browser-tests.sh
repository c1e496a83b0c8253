#!/usr/bin/env bash
# Runs the browser suite (Tests/Browser): the self-assessment form and tally mode in Debian's
# headless Chromium, from file:// with the network off, checked against `tandem score`.
#
# Installs what is missing first: as root, Debian's chromium and chromium-driver (apt-get) and,
# from PyPI, selenium, pytest, axe-selenium-python and the current axe-core that
# axe-playwright-python carries (installed without its dependencies: only its axe.min.js is used).
# Not as root, it says what to install and skips, unless CI is set, where a skip is a failure.
#
# Usage: Scripts/browser-tests.sh [pytest arguments]
# Environment: TANDEM, the tandem binary (default .build/debug/tandem, built when missing);
#              PYTHON (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
export PYTHONDONTWRITEBYTECODE=1

missing_apt=()
command -v chromium >/dev/null 2>&1 || missing_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing_apt+=(chromium-driver)
command -v "$PYTHON" >/dev/null 2>&1 || missing_apt+=(python3)

has_module() { "$PYTHON" -c "import $1" >/dev/null 2>&1; }
missing_pip=()
missing_pip_nodeps=()
if command -v "$PYTHON" >/dev/null 2>&1; then
  has_module selenium || missing_pip+=(selenium)
  has_module pytest || missing_pip+=(pytest)
  has_module axe_selenium_python || missing_pip+=(axe-selenium-python)
  has_module axe_playwright_python || missing_pip_nodeps+=(axe-playwright-python)
fi

if [ ${#missing_apt[@]} -gt 0 ] || [ ${#missing_pip[@]} -gt 0 ] || [ ${#missing_pip_nodeps[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The browser tests need: ${missing_apt[*]} ${missing_pip[*]} ${missing_pip_nodeps[*]}" >&2
    echo "Install them with:  sudo apt-get install -y chromium chromium-driver && $PYTHON -m pip install selenium pytest axe-selenium-python && $PYTHON -m pip install --no-deps axe-playwright-python" >&2
    if [ -n "${CI:-}" ]; then exit 1; fi
    echo "Skipping the browser tests." >&2
    exit 0
  fi
  if [ ${#missing_apt[@]} -gt 0 ]; then
    Scripts/ensure-deps.sh "${missing_apt[@]}"
  fi
  pip_install() {
    # Debian's own Python refuses pip unless told; a pyenv or venv Python does not need it.
    if ! "$PYTHON" -m pip --version >/dev/null 2>&1; then Scripts/ensure-deps.sh python3-pip; fi
    "$PYTHON" -m pip install --quiet --disable-pip-version-check "$@" 2>/dev/null \
      || "$PYTHON" -m pip install --quiet --disable-pip-version-check --break-system-packages "$@"
  }
  if [ ${#missing_pip[@]} -gt 0 ]; then
    echo "Installing ${missing_pip[*]} with pip..."
    pip_install "${missing_pip[@]}"
  fi
  if [ ${#missing_pip_nodeps[@]} -gt 0 ]; then
    echo "Installing ${missing_pip_nodeps[*]} (for its axe-core only) with pip..."
    pip_install --no-deps "${missing_pip_nodeps[@]}"
  fi
fi

# Optional: poppler-utils lets the pipeline print test read and render its PDF (without it those
# checks skip), so it is installed only where it can be, as root.
if [ "$(id -u)" -eq 0 ] && ! command -v pdftotext >/dev/null 2>&1; then
  Scripts/ensure-deps.sh poppler-utils || echo "poppler-utils not installed: the PDF text checks will skip" >&2
fi

TANDEM=${TANDEM:-.build/debug/tandem}
if [ ! -x "$TANDEM" ]; then
  swift build --product tandem
fi
export TANDEM

# The example site, built fresh; the suite reads it and never writes to it.
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
"$TANDEM" build --content content --output "$site/public" >/dev/null
export TANDEM_SITE="$site/public" TANDEM_CONTENT="$PWD/content"

# No cache folder and (with pytest-benchmark installed) no .benchmarks folder in the repository.
"$PYTHON" -m pytest Tests/Browser -q -p no:cacheprovider -p no:benchmark "$@"

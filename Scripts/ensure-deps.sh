#!/usr/bin/env bash
# Makes sure the system packages Tandem builds and tests with are installed: libcmark-dev, zlib1g-dev
# (and pkg-config), and nodejs, whose `node` checks the minified theme scripts (Tests/MinifyTests).
# As root it installs what is missing with apt-get; otherwise it prints the command to run.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libcmark 2>/dev/null; then missing+=(libcmark-dev); fi
if ! pkg-config --exists zlib 2>/dev/null; then missing+=(zlib1g-dev); fi
command -v node >/dev/null 2>&1 || missing+=(nodejs)
for extra in "$@"; do
  case "$extra" in
    chromium) command -v chromium >/dev/null 2>&1 || missing+=(chromium) ;;
    chromium-driver) command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver) ;;
    *) dpkg -s "$extra" >/dev/null 2>&1 || missing+=("$extra") ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} with apt-get..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
else
  echo "Tandem needs these Debian packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

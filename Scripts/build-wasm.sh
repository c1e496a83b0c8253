#!/usr/bin/env bash
# Builds site-templates/assets/scoring.wasm from Sources/ScoringCore and Wasm/ with Embedded Swift.
#
#   Scripts/build-wasm.sh           rebuild the committed module
#   Scripts/build-wasm.sh --check   rebuild into a temporary folder; exit 1 if the committed bytes differ
#
# This script is the recipe: the swiftc, clang and wasm-ld steps below are its only description
# (docs/form.md says how the pages load the module). The build is reproducible: outputs have the
# same relative names in every run, the link uses --strip-all (no names, no paths), and the
# toolchain is fixed, so the same sources give the same bytes in any checkout. Needs swiftc, clang
# and wasm-ld from the Swift toolchain (found on PATH, or under /opt/swift/usr/bin, or in
# $SWIFT_TOOLCHAIN_BIN).
set -euo pipefail
export LC_ALL=C # the order of the sources, and so the bytes, must not depend on the locale

cd "$(dirname "$0")/.."

output=site-templates/assets/scoring.wasm
budget=16384 # bytes (16 KiB)

# The module's ABI: keep in step with Wasm/Exports.swift and site-templates/assets/tandem-scoring.js.
exports=(
    tandem_abi_version
    tandem_alloc
    tandem_free
    tandem_check_questionnaire
    tandem_score_respondent
    tandem_group_output_count
    tandem_score_group
)

check=false
case "${1:-}" in
    --check) check=true ;;
    "") ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

toolchain_bin="${SWIFT_TOOLCHAIN_BIN:-}"
if [[ -z "$toolchain_bin" ]]; then
    if command -v swiftc >/dev/null && command -v wasm-ld >/dev/null; then
        toolchain_bin="$(dirname "$(command -v swiftc)")"
    else
        toolchain_bin=/opt/swift/usr/bin
    fi
fi
for tool in swiftc clang wasm-ld; do
    if [[ ! -x "$toolchain_bin/$tool" ]]; then
        echo "error: $tool not found in $toolchain_bin; set SWIFT_TOOLCHAIN_BIN to the Swift toolchain's bin folder" >&2
        exit 2
    fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The core without the files that only the native build needs (descriptions use String; the
# entries for answers that a native loader checked already).
sources=()
for file in Sources/ScoringCore/*.swift; do
    case "$file" in
        *+Descriptions.swift | *+Codable.swift | *+Validated.swift) ;;
        *) sources+=("$file") ;;
    esac
done

# The object files carry a hash of the output path, so build under the same relative names in
# the temporary folder, whatever the checkout's path is.
root="$(pwd)"
(
    cd "$work"
    "$toolchain_bin/swiftc" -target wasm32-unknown-none-wasm -enable-experimental-feature Embedded \
        -wmo -Osize -Xfrontend -disable-stack-protector -parse-as-library -module-name ScoringCore \
        "${sources[@]/#/$root/}" "$root/Wasm/Exports.swift" -c -o scoring.o
    "$toolchain_bin/clang" --target=wasm32-unknown-unknown -nostdlib -Os -c "$root/Wasm/allocator.c" -o alloc.o
    "$toolchain_bin/wasm-ld" --no-entry "${exports[@]/#/--export=}" --strip-all scoring.o alloc.o -o scoring.wasm
)

size=$(wc -c <"$work/scoring.wasm")
if ((size > budget)); then
    echo "error: scoring.wasm is $size bytes, over the $budget-byte budget" >&2
    exit 1
fi

if $check; then
    if cmp -s "$work/scoring.wasm" "$output"; then
        echo "$output is up to date ($size bytes)"
    else
        echo "error: $output differs from a fresh build of Sources/ScoringCore and Wasm/; run Scripts/build-wasm.sh and commit the result" >&2
        exit 1
    fi
else
    mkdir -p "$(dirname "$output")"
    cp "$work/scoring.wasm" "$output"
    echo "wrote $output ($size bytes)"
fi

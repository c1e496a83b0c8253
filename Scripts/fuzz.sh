#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ with AddressSanitizer and runs them (docs/fuzzing.md).
#
#   Scripts/fuzz.sh                    every target, FUZZ_SECONDS each (default 600)
#   Scripts/fuzz.sh frontmatter 600    one target, for that many seconds
#   Scripts/fuzz.sh --smoke            every target briefly (FUZZ_SMOKE_SECONDS, default 10), as `make test` does
#   Scripts/fuzz.sh --list             the targets
#
# Prints per target the executions and executions per second. On a crash, hang (over 10 s), memory
# over 2 GB or sanitizer report it exits non-zero; the input is in .build-fuzz/crashes/<target>/ and
# the command to replay it is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(frontmatter goal sla sql-definition pipeline questionnaire result-json result-csv template)
SCRATCH=.build-fuzz
BIN="$SCRATCH/debug"

smoke=0
case "${1:-}" in
  --list) printf '%s\n' "${TARGETS[@]}"; exit 0 ;;
  --smoke) smoke=1; shift ;;
  -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
if [ $# -gt 0 ]; then
  if [[ ! " ${TARGETS[*]} " == *" $1 "* ]]; then
    echo "fuzz.sh: no target \"$1\"; the targets are: ${TARGETS[*]}" >&2
    exit 2
  fi
  selected=("$1")
else
  selected=("${TARGETS[@]}")
fi
if [ $smoke -eq 1 ]; then
  seconds=${2:-${FUZZ_SMOKE_SECONDS:-10}}
else
  seconds=${2:-${FUZZ_SECONDS:-600}}
fi
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
  echo "fuzz.sh: the seconds must be a whole number above 0, not \"$seconds\"" >&2
  exit 2
fi

Scripts/ensure-deps.sh

# Every module with ASan and libFuzzer's coverage; the fuzz targets link libFuzzer (Fuzz/Package.swift).
# lld, because gold fails on the sanitized build tools of Tandem's plugins.
echo "Building the fuzz targets (sanitized, in $SCRATCH)..."
build_log="$SCRATCH/logs/build.log"
mkdir -p "$SCRATCH/logs"
if ! swift build --package-path Fuzz --scratch-path "$SCRATCH" \
  -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -use-ld=lld -Xbuild-tools-swiftc -use-ld=lld >"$build_log" 2>&1; then
  grep -v "Cannot export local symbol" "$build_log" | tail -40 >&2
  echo "fuzz.sh: the build failed; the whole log is $build_log" >&2
  exit 1
fi

# Seeds, taken afresh from the repository's fixtures: whole files, or the fenced blocks of a kind.
files() { # extensions...
  local pattern=()
  for ext in "$@"; do pattern+=(-o -name "*.$ext"); done
  find content site-templates Tests/*/Fixtures -type f \( "${pattern[@]:1}" \) 2>/dev/null
}
blocks() { # kind folder: each ```kind block of the Markdown files, its fence's indentation removed
  local kind=$1 out=$2
  files md | while read -r md; do
    awk -v kind="$kind" -v out="$out" -v name="$(echo "$md" | tr '/' '_')" '
      !inside && match($0, /^ *```/) && substr($0, RLENGTH + 1) ~ ("^" kind "( |$)") {
        inside = 1; indent = RLENGTH - 3; n++; file = out "/" name "." n; printf "" > file; next
      }
      inside && $0 ~ /^ *```/ { inside = 0; close(file); next }
      inside { print substr($0, indent + 1) >> file }
    ' "$md"
  done
}
seed() { # target folder
  local target=$1 out=$2
  rm -rf "$out"
  mkdir -p "$out"
  case "$target" in
    frontmatter) files md | while read -r f; do cp "$f" "$out/$(echo "$f" | tr '/' '_')"; done ;;
    goal | sla | sql-definition | pipeline) blocks "$target" "$out" ;;
    questionnaire) files yml yaml | while read -r f; do cp "$f" "$out/$(echo "$f" | tr '/' '_')"; done ;;
    result-json) files json | while read -r f; do cp "$f" "$out/$(echo "$f" | tr '/' '_')"; done ;;
    result-csv) files csv | while read -r f; do cp "$f" "$out/$(echo "$f" | tr '/' '_')"; done ;;
    template) files mustache | while read -r f; do cp "$f" "$out/$(echo "$f" | tr '/' '_')"; done ;;
  esac
  # The inputs that once crashed and must not again (not those under open/: bugs not fixed yet).
  if [ -d "Fuzz/regressions/$target" ]; then
    find "Fuzz/regressions/$target" -maxdepth 1 -type f ! -name '*.md' -exec cp {} "$out/" \;
  fi
}

# A crash is libFuzzer's to report: Swift's own backtracer would run under ASan and report itself.
export SWIFT_BACKTRACE=enable=no
# No leak checks, at exit either: see -detect_leaks below.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0

failed=()
summary=()
for target in "${selected[@]}"; do
  seeds="$SCRATCH/seeds/$target"
  corpus="$SCRATCH/corpus/$target"
  crashes="$SCRATCH/crashes/$target"
  log="$SCRATCH/logs/$target.log"
  seed "$target" "$seeds"
  mkdir -p "$corpus" "$crashes"
  # No leak checks: Swift keeps enum cases in a pointer's spare bits, so LeakSanitizer reports
  # objects that an enum still holds (a template's nodes) as leaked.
  flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1
    -artifact_prefix="$crashes/")
  # The smoke run starts from the seeds with a fixed seed, so that CI runs alike each time.
  [ $smoke -eq 1 ] && flags+=(-seed=1)
  echo "Fuzzing $target for ${seconds}s ($(find "$seeds" -type f | wc -l) seeds; log $log)..."
  status=0
  "$BIN/fuzz-$target" "${flags[@]}" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  line=$(printf '%-15s %10s runs %8s exec/s' "$target" "${runs:-?}" "${speed:-?}")
  if [ $status -eq 0 ]; then
    summary+=("$line")
    continue
  fi
  artifact=$(grep -o "Test unit written to .*" "$log" | tail -1 | sed 's/^Test unit written to //')
  summary+=("$line  FAILED")
  failed+=("$target")
  {
    echo "fuzz.sh: $target failed (exit $status); what it hit:"
    grep -E "^==[0-9]+== ?ERROR|^SUMMARY|Fatal error|Precondition failed|ALARM|out-of-memory" "$log" | head -3 | sed 's/^/  /'
    # The top of the stack, without libFuzzer's, the C library's and the Swift runtime's frames.
    grep -E "^ *#[0-9]+ " "$log" | grep -vE "llvm-project|libc\.so|libswiftCore|<compiler-generated>" | head -8 | sed 's/^/  /'
    if [ -n "$artifact" ]; then
      echo "  the input: $artifact"
      echo "  replay it: SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 $BIN/fuzz-$target $artifact"
      echo "  keep it as a regression: cp $artifact Fuzz/regressions/$target/<what-it-hits>"
    fi
    echo "  the whole log: $log"
  } >&2
done

echo
echo "Fuzzing, ${seconds}s per target:"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: failed: ${failed[*]} (see above)" >&2
  exit 1
fi

#!/usr/bin/env bash
# Scores a bundle of 100,000 results (9 questions each, one JSON array) with the release
# `tandem score --format json`, 5 times, and prints the median wall time and results per second.
#
# usage: bench/score.sh [RESULTS] [RUNS]
# The corpus goes to tmpfs (/dev/shm), so the run measures tandem, not the disk (bench/README.md).
# Target (issue 4): the whole run in at most 1 second on the 2-core reference machine.
set -euo pipefail
cd "$(dirname "$0")/.."

RESULTS=${1:-100000}
RUNS=${2:-5}
OUT=${BENCH_DIR:-/dev/shm/tandem-bench-score}
TANDEM=${TANDEM:-.build/release/tandem}
mkdir -p "$OUT"

if [ -z "${TANDEM_SKIP_BUILD:-}" ] && [ "$TANDEM" = .build/release/tandem ]; then
  swift build -c release --product tandem >/dev/null
fi

# A 9-question questionnaire with the ids of bench/gen_corpus.py (q1..q9).
cat >"$OUT/bench.yml" <<'YAML'
id: bench
version: 1
scale: {min: 1, max: 5}
labels: {low: "Not so good", high: "Super"}
min_answered: 7
gap_threshold: 1.5
min_group_size: 3
bands:
  - {id: low, min: 1.0, label: "Take a closer look"}
  - {id: middle, min: 2.5, label: "On the way"}
  - {id: high, min: 4.0, label: "On the right track"}
questions:
YAML
for k in 1 2 3 4 5 6 7 8 9; do
  printf '  - {id: q%s, weight: %s, text: "Question %s"}\n' "$k" "$(( k % 3 + 1 ))" "$k" >>"$OUT/bench.yml"
done

# The results: the shape of docs/scoring.md (and of gen_corpus.py's results, plus assessment, version,
# team and an unanswered question now and then), in one array.
python3 - "$OUT/results.json" "$RESULTS" <<'PY'
import json, random, sys
path, count = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
results = []
for j in range(count):
    answers = {f"q{k + 1}": (None if rnd.random() < 0.05 else rnd.randint(1, 5)) for k in range(9)}
    results.append({"assessment": "bench", "version": 1, "date": f"2026-{1 + j % 12:02d}-15",
                    "department": rnd.choice(["sales", "marketing", "finance"]), "respondent": f"r{j}",
                    "team": f"team-{j % 40}", "answers": answers})
with open(path, "w") as f:
    f.write("[\n" + ",\n".join(json.dumps(r) for r in results) + "\n]\n")
PY
SIZE=$(du -m "$OUT/results.json" | cut -f1)
echo "corpus: $RESULTS results, $SIZE MB in $OUT/results.json"

times=()
for run in $(seq "$RUNS"); do
  start=$(date +%s%N)
  "$TANDEM" score --assessment "$OUT/bench.yml" --format json "$OUT/results.json" >"$OUT/score.json"
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$(( RUNS / 2 ))]}
echo "runs (ms): ${times[*]}"
echo "median: ${median} ms, $(( RESULTS * 1000 / (median > 0 ? median : 1) )) results/s"

#!/usr/bin/env python3
"""Writes the example site's scorecard results: one client, Nordlys A/S, over three assessment
rounds, with sales and marketing large enough to show their perception gap.

usage: Scripts/make-example-results.py [CONTENT_DIR]   (default: content)

The answers are drawn from a fixed seed, so the files are the same on every run. The story they
tell: at the first round each department blames the other (sales rates marketing's understanding
of sales low, marketing rates sales' follow-up and use of marketing low), leads are unsorted and the
pipeline is invisible; after the shared goal, the SLA and the SQL definition are agreed, the scores
rise and the gaps close, round by round.
"""
import json, os, random, sys

QUESTIONS = [
    "marketing-understands-sales", "sales-understands-marketing", "internal-relationship",
    "connected-metrics", "leads-sorted", "pipeline-visible", "department-relationship",
    "marketing-automation", "data-access",
]
# Typical answer per round and department, question by question (1-5).
PROFILE = {
    "2025-Q3": {
        "sales":     [1.6, 3.9, 2.0, 1.8, 1.5, 2.0, 1.9, 2.6, 2.1],
        "marketing": [3.8, 1.7, 2.2, 2.6, 2.4, 1.8, 2.0, 3.0, 2.4],
        "other":     [2.5, 2.5, 2.0, 2.0, 2.0, 2.0, 2.2, 2.5, 2.2],
    },
    "2025-Q4": {
        "sales":     [2.5, 3.9, 2.8, 2.6, 2.9, 3.0, 2.8, 2.9, 2.6],
        "marketing": [3.9, 2.4, 2.9, 3.1, 3.0, 2.7, 2.9, 3.3, 2.8],
        "other":     [3.0, 3.0, 2.8, 2.8, 3.0, 2.9, 3.0, 3.0, 2.7],
    },
    "2026-Q1": {
        "sales":     [3.5, 4.1, 3.6, 3.4, 3.9, 3.8, 3.7, 3.4, 3.2],
        "marketing": [4.0, 3.4, 3.7, 3.7, 3.8, 3.6, 3.8, 3.9, 3.3],
        "other":     [3.6, 3.6, 3.5, 3.5, 3.8, 3.6, 3.7, 3.6, 3.3],
    },
}
DATES = {"2025-Q3": "2025-09-", "2025-Q4": "2025-12-", "2026-Q1": "2026-03-"}
HEADCOUNT = {"sales": 12, "marketing": 8, "other": 4}

def answer(rnd, typical):
    value = round(rnd.gauss(typical, 0.7))
    return max(1, min(5, value))

def main():
    content = sys.argv[1] if len(sys.argv) > 1 else "content"
    folder = os.path.join(content, "results", "nordlys")
    os.makedirs(folder, exist_ok=True)
    rnd = random.Random(2016)
    for round_label, departments in PROFILE.items():
        results = []
        n = 0
        for department, typical in departments.items():
            for person in range(HEADCOUNT[department]):
                n += 1
                answers = {q: answer(rnd, t) for q, t in zip(QUESTIONS, typical)}
                if rnd.random() < 0.08:  # now and then a question left blank
                    answers[rnd.choice(QUESTIONS)] = None
                results.append({
                    "assessment": "sales-marketing-alignment",
                    "version": 1,
                    "date": DATES[round_label] + f"{10 + person % 15:02d}",
                    "department": department,
                    "respondent": f"nordlys-{round_label.lower()}-{n:02d}",
                    "team": "Nordlys A/S",
                    "round": round_label,
                    "answers": answers,
                })
        with open(os.path.join(folder, f"{round_label}.json"), "w") as out:
            json.dump(results, out, indent=2, ensure_ascii=False)
            out.write("\n")
        print(f"wrote {len(results)} results to {os.path.join(folder, round_label + '.json')}")

if __name__ == "__main__":
    main()

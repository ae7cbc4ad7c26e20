"""Print a load test's figures from locust's stats CSV; exit 1 if any request failed.

    python scripts/loadtest/summary.py test-artifacts/load/run

reads run_stats.csv (and run_failures.csv): per request type the count, failures, requests per
second, median, 95th percentile and maximum in milliseconds, as a Markdown table for
docs/benchmarks.md.
"""

import csv
import sys
from pathlib import Path


def summary(prefix: str) -> int:
    stats = Path(f"{prefix}_stats.csv")
    if not stats.exists():
        print(f"no stats at {stats}: did locust run?", file=sys.stderr)
        return 1
    rows = list(csv.DictReader(stats.open(encoding="utf-8")))
    print("| request | count | failures | req/s | median ms | p95 ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        name = "**all**" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        print(
            f"| {name} | {int(row['Request Count']):,} | {row['Failure Count']} "
            f"| {float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} "
            f"| {float(row['Max Response Time']):.0f} |"
        )
    total = next(row for row in rows if row["Name"] == "Aggregated")
    failures = int(total["Failure Count"])
    failed = Path(f"{prefix}_failures.csv")
    if failures and failed.exists():
        print("\nfailures:", file=sys.stderr)
        for row in csv.DictReader(failed.open(encoding="utf-8")):
            print(
                f"  {row['Occurrences']} × {row['Method']} {row['Name']}: {row['Error']}",
                file=sys.stderr,
            )
    if failures or int(total["Request Count"]) == 0:
        print(f"\nFAILED: {failures} failed of {total['Request Count']} requests", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(summary(sys.argv[1] if len(sys.argv) > 1 else "test-artifacts/load/run"))

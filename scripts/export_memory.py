"""Peak memory of `manage.py export_registry` per format, each run in a fresh process.

    DATABASE_URL=postgres://... .venv/bin/python scripts/export_memory.py csv xlsx pdf

Prints the peak resident set size (ru_maxrss of that process, from os.wait4) and the time of
each run, and the size of the file written. Used for docs/benchmarks.md ("Exports").
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(fmt: str, audience: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / f"registry.{fmt}"
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "manage.py", "export_registry", "--format", fmt,
             "--audience", audience, "--output", str(output)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - started
        size = output.stat().st_size if output.exists() else 0
        print(
            f"{fmt:5} {audience:6} exit={os.waitstatus_to_exitcode(status)} "
            f"peak_rss={usage.ru_maxrss / 1024:.0f} MiB time={seconds:.1f} s "
            f"file={size / 1024 / 1024:.1f} MiB",
            flush=True,
        )


if __name__ == "__main__":
    audience = os.environ.get("AUDIENCE", "public")
    for fmt in sys.argv[1:] or ["csv", "xlsx", "vcf", "pdf"]:
        measure(fmt, audience)

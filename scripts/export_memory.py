"""Peak memory of `manage.py export_registry` per format, each run in a fresh process.

    DATABASE_URL=postgres://... .venv/bin/python scripts/export_memory.py csv xlsx pdf

Prints the peak resident set size (ru_maxrss of that process, from os.wait4), the time of each
run and the CPU time of its process (the database's own work not included; steadier than the
time on a shared machine), the size of the file written and, for the PDF, its pages. Used for
docs/benchmarks.md ("Exports"). The PDF is laid out in parts of COORDINATION_REGISTRY_PDF_PART_SIZE agencies
(registry_pdf), so its peak is one part's layout, whatever the registry's size.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pikepdf

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
        pages = ""
        if fmt == "pdf" and size:
            with pikepdf.open(output) as pdf:
                pages = f" pages={len(pdf.pages):,}"
        print(
            f"{fmt:5} {audience:6} exit={os.waitstatus_to_exitcode(status)} "
            f"peak_rss={usage.ru_maxrss / 1024:.0f} MiB time={seconds:.1f} s "
            f"cpu={usage.ru_utime + usage.ru_stime:.1f} s "
            f"file={size / 1024 / 1024:.1f} MiB{pages}",
            flush=True,
        )


if __name__ == "__main__":
    audience = os.environ.get("AUDIENCE", "public")
    for fmt in sys.argv[1:] or ["csv", "xlsx", "vcf", "pdf"]:
        measure(fmt, audience)

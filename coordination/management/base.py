"""What the registry's management commands share: a Thai `--help` and a progress bar."""

import sys

from django.core.management.base import BaseCommand

BAR_WIDTH = 30


class RegistryCommand(BaseCommand):
    """`help` may be a lazy translation: argparse formats plain text only (`--help` crashed)."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        self.help = str(self.help)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def progress(self, label: str):
        """A progress bar on stderr, redrawn at each whole per cent."""
        last = {"percent": -1}

        def show(done: int, total: int) -> None:
            percent = done * 100 // total if total else 100
            if percent == last["percent"]:
                return
            last["percent"] = percent
            filled = BAR_WIDTH * percent // 100
            bar = "█" * filled + "░" * (BAR_WIDTH - filled)
            end = "\n" if done >= total else ""
            self.stderr.write(f"\r{label} [{bar}] {percent:3d}% ({done:,}/{total:,})", ending=end)
            sys.stderr.flush()

        return show

"""A management command whose Thai help text is translated when the parser is built."""

from django.core.management.base import BaseCommand


class ThaiHelpCommand(BaseCommand):
    """`help` may be a lazy translation: argparse formats plain text only (`--help` crashed)."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        self.help = str(self.help)
        return super().create_parser(prog_name, subcommand, **kwargs)

"""The desktop application's start reads its three options without building every subcommand's
parser (#18); what it reads must be what the full parser reads, and anything else goes to it."""

from __future__ import annotations

import pytest

from comite import cli

GUI_STARTS = [[], ["--db", "base.sqlite3"], ["--db=base.sqlite3", "--user", "ana"], ["--demo"], ["--de"],
              ["--us", "ana"], ["--db", "demo"], ["--db", "sqlite:///C:/datos/comite.sqlite3"]]


@pytest.mark.parametrize("argv", GUI_STARTS)
def test_the_start_reads_what_the_full_parser_reads(argv):
    fast = cli.parse_gui_arguments(argv)
    assert fast is not None and fast == cli.build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", [["catalog"], ["--db", "x", "catalog", "--json"], ["-h"], ["--help"], ["--db"],
                                  ["--bad"], ["otra-cosa"], ["--d", "x"]])
def test_anything_else_goes_to_the_full_parser(argv):
    assert cli.parse_gui_arguments(argv) is None


def test_a_mistake_gets_the_full_parsers_spanish_message(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--db"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "uso: comite" in err and "SUBCOMANDO" in err and "argumento --db" in err

"""README.md: the two commands come first, and its generated blocks are current."""
import re

from parstats.publishing.docs import README, render_readme


def test_generated_blocks_are_current():
    text = README.read_text(encoding="utf-8")
    assert render_readme(text) == text, "README.md is stale: run `make readme`"


def test_first_two_commands_are_report_and_test():
    text = README.read_text(encoding="utf-8")
    commands = re.findall(r"^(make \w+)", text, flags=re.M)
    assert commands[:2] == ["make report", "make test"]


def test_codebook_lists_every_table():
    from parstats.data import tables

    text = README.read_text(encoding="utf-8")
    for name in tables():
        assert f"`{name}.csv`" in text

"""docs/cli.md, the command-line reference in the repository, says what `dangjian --help` really offers.

The reference documents the commands the parser has: a command added to the parser (or one taken
away, an option renamed, an export kind added) fails here until the reference says so, and the
message names what to add or remove.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from dangjian_desktop.cli import build_parser, main
from dangjian_desktop.core.findings import Severity
from dangjian_desktop.core.glossary import MeetingType, MemberStatus
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "cli.md"
OPTION = re.compile(r"--[a-z][a-z-]*")


def _section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def _usage_lines() -> list[str]:
    """The entries of the 命令一览 block, continuation lines (indented) joined to their command."""
    block = _section("命令一览").split("```", 2)[1]
    entries: list[str] = []
    for line in block.splitlines():
        if not line.strip():
            continue
        if line.startswith((" ", "\t")) and entries:
            entries[-1] += " " + line.strip()
        else:
            entries.append(line.strip())
    return entries


def _documented() -> dict[tuple[str, ...], str]:
    """{("members", "list"): "members list [--branch NAME] ..."} for every command in the block."""
    out = {}
    for entry in _usage_lines():
        words = entry.split()
        if words[0] in ("dangjian", "dangjian-desktop"):
            out[(words[0],)] = entry
            continue
        path = []
        for word in words:
            if not re.fullmatch(r"[a-z][a-z-]*", word):
                break
            path.append(word)
        out[tuple(path)] = entry
    return out


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    """(path, parser) for every command that does something, e.g. (("members", "list"), <parser>)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*prefix, name))
            return
    yield prefix, parser


def _options(parser: argparse.ArgumentParser) -> tuple[set[str], set[str], int]:
    """Its long options, the required ones among them, and how many positional arguments it takes."""
    options = {o for a in parser._actions for o in a.option_strings if o.startswith("--") and o != "--help"}
    required = {o for a in parser._actions if a.required and a.option_strings
                for o in a.option_strings if o.startswith("--")}
    positional = sum(1 for a in parser._actions if not a.option_strings
                     and not isinstance(a, argparse._SubParsersAction))
    return options, required, positional


def _documented_options(entry: str) -> tuple[set[str], set[str], int]:
    options = set(OPTION.findall(entry))
    outside = re.sub(r"\[[^\]]*\]", " ", entry)  # what is not optional
    required = set(OPTION.findall(outside))
    bare = re.sub(r"--[a-z][a-z-]*(\s+[A-Z][A-Z_.,]*|\s+YYYY-MM-DD)?", " ", outside)
    positional = len([w for w in bare.split()[1:] if re.fullmatch(r"[A-Z][A-Z_.]*", w)])
    return options, required, positional


def test_every_command_of_the_parser_is_in_the_reference_and_nothing_else():
    documented = {path for path in _documented() if path[0] not in ("dangjian", "dangjian-desktop")}
    parser_commands = dict(_commands(build_parser()))
    missing = sorted(set(parser_commands) - documented)
    assert not missing, "docs/cli.md 的“命令一览”缺少这些命令（dangjian 的用法如下）：\n" + "\n".join(
        parser_commands[path].format_usage().strip() for path in missing)
    gone = sorted(documented - set(parser_commands))
    assert not gone, f"docs/cli.md 写了程序没有的命令：{[' '.join(p) for p in gone]}"


@pytest.mark.parametrize("path", [path for path, _ in _commands(build_parser())], ids=" ".join)
def test_each_command_is_documented_with_its_real_options(path):
    entry = _documented().get(path)
    if entry is None:
        pytest.skip("not in the reference: the test above names it")
    parser = dict(_commands(build_parser()))[path]
    options, required, positional = _options(parser)
    doc_options, doc_required, doc_positional = _documented_options(entry)
    usage = parser.format_usage().strip()
    assert doc_options == options, f"docs/cli.md：“{entry}”；程序：{usage}"
    assert doc_required == required, f"必填的选项不写在 [ ] 里：“{entry}”；程序：{usage}"
    assert doc_positional == positional, f"位置参数个数不同：“{entry}”；程序：{usage}"


def test_the_programs_own_options_are_documented(capsys):
    top = build_parser()
    options = {o for a in top._actions for o in a.option_strings if o.startswith("--") and o != "--help"}
    assert set(OPTION.findall(_documented()[("dangjian",)])) == options
    from dangjian_desktop.gui.app import main as gui_main

    with pytest.raises(SystemExit):
        gui_main(["--help"])
    gui_options = set(OPTION.findall(capsys.readouterr().out)) - {"--help"}
    assert set(OPTION.findall(_documented()[("dangjian-desktop",)])) == gui_options


def test_the_export_table_lists_every_kind_with_its_file_and_what_it_needs():
    from dangjian_desktop.services.exports import kinds

    rows = {}
    for line in _section("各命令").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 4 and re.fullmatch(r"[a-z][a-z-]+", cells[0]):
            rows[cells[0]] = cells
    available = {k.key: k for k in kinds()}
    assert set(rows) == set(available), (
        f"导出种类表缺少 {sorted(set(available) - set(rows))}，多了 {sorted(set(rows) - set(available))}")
    for key, (_key, label, suffix, needs) in rows.items():
        kind = available[key]
        assert suffix == kind.suffix, key
        assert label.startswith(kind.label.split("（")[0]), (key, label, kind.label)
        assert ("--year" in needs) == kind.needs_year, key
        assert ("--id" in needs) == kind.needs_id, key


def _json_bullets() -> dict[str, set[str]]:
    """{"members list": {"id", "name", ...}} from the JSON 格式 section."""
    out: dict[str, set[str]] = {}
    for bullet in re.split(r"\n- ", _section("JSON 格式"))[1:]:
        command = re.match(r"`([a-z ]+?) --json`", bullet).group(1)
        described = bullet.split("；")[0]  # the shape; what follows explains values
        out[command] = set(re.findall(r'"([a-z_]+)"', described))
    return out


def _keys(data) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {k for v in data.values() for k in _keys(v)}
    if isinstance(data, list):
        return {k for item in data for k in _keys(item)}
    return set()


def test_every_json_command_gives_the_keys_the_reference_lists(demo_db, capsys):
    bullets = _json_bullets()
    json_commands = {" ".join(path) for path, parser in _commands(build_parser())
                     if "--json" in _options(parser)[0]}
    assert set(bullets) == json_commands, "docs/cli.md 的“JSON 格式”应逐条写出每个有 --json 的命令"
    for command, keys in bullets.items():
        extra = {"check": ["--as-of", TODAY.isoformat()], "dues list": ["--year", str(TODAY.year)],
                 "study list": ["--year", str(TODAY.year)],
                 "points list": ["--year", str(TODAY.year)]}.get(command, [])
        capsys.readouterr()
        assert main(["--db", str(demo_db.path), *command.split(), *extra, "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data, command
        assert keys and keys <= _keys(data), f"{command} --json 没有 {sorted(keys - _keys(data))}"


def test_the_values_of_status_type_and_severity_are_all_named():
    bullets = {b.split("`")[1]: b for b in re.split(r"\n- ", _section("JSON 格式"))[1:]}
    members = bullets["members list --json"]
    assert all(f"`{s.value}`" in members for s in MemberStatus)
    meetings = bullets["meetings list --json"]
    assert all(f"`{t.value}`" in meetings for t in MeetingType)
    check = bullets["check --json"]
    assert all(f"`{s.value}`" in check for s in Severity)


def test_the_readme_points_to_the_reference_in_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/cli.md" in readme
    assert "../shared" not in readme

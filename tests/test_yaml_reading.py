"""libyaml reads valid content exactly as PyYAML's own parser does, and leaves mistakes to it.

A file is composed by libyaml first (about six times faster) and read again by PyYAML's own
parser at any problem, so every message of the bad-input corpus keeps its wording and position.
"""

from __future__ import annotations

import pytest

from lgss_docs.errors import ContentError
from lgss_docs.load import yaml_source

from conftest import EXAMPLES


def _both(path, monkeypatch):
    """Return the file at ``path`` as read with libyaml and as read with PyYAML's own parser."""
    fast = yaml_source.load_yaml(path)
    monkeypatch.setattr(yaml_source, "_FAST_LOADER", None)
    slow = yaml_source.load_yaml(path)
    monkeypatch.undo()
    return fast, slow


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_bundled_file_reads_the_same_either_way(example, monkeypatch):
    assert yaml_source._FAST_LOADER is not None, "PyYAML was built without libyaml"
    files = [p for p in sorted(example.rglob("*.yaml")) if "schema" not in p.parts]
    assert len(files) > 5
    for path in files:
        fast, slow = _both(path, monkeypatch)
        for part in ("data", "value_marks", "key_marks", "typed"):
            assert getattr(fast, part) == getattr(slow, part), (path, part)


@pytest.mark.parametrize("text", [
    "title: é€ ünïcode then\nrag: [a, {b: 中文, c: d}]\nnotes: |\n  one\n  two\n",
    "a: &x {b: 1}\nc: *x\nd: 2020-11-12\ne: ~\nf: 'it''s'\n",
    "- 1\n- \"tab\\there\"\n- - nested\n  - deeper: [x]\n",
])
def test_tricky_valid_text_reads_the_same_either_way(tmp_path, monkeypatch, text):
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    fast, slow = _both(path, monkeypatch)
    assert (fast.data, fast.value_marks, fast.key_marks) == (slow.data, slow.value_marks, slow.key_marks)


@pytest.mark.parametrize("text", ["a: 1\na: 2\n", "a: \"\\x07\"\n", "a: !!python/name:os.system x\n",
                                  "a: [1, 2\n", "<<: {b: 1}\n", "", "rag:\tAmber\n", "[" * 60 + "]" * 60, "a: 2020-02-30\n"])
def test_a_mistake_is_told_as_pyyaml_s_own_parser_tells_it(tmp_path, monkeypatch, text):
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as fast:
        yaml_source.load_yaml(path)
    monkeypatch.setattr(yaml_source, "_FAST_LOADER", None)
    with pytest.raises(ContentError) as slow:
        yaml_source.load_yaml(path)
    assert fast.value.problems == slow.value.problems

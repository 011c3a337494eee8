"""The benchmark's synthetic programme is valid content, grown as asked."""

from __future__ import annotations

import pytest

from lgss_docs.validate import load_content

from conftest import EXAMPLE
from support import synthetic


def test_the_synthetic_programme_is_valid_and_three_times_the_example(tmp_path):
    example = load_content(EXAMPLE)
    grown = load_content(synthetic().synthesise(EXAMPLE, tmp_path / "content", 3))
    assert len(grown.workstreams) == 3 * len(example.workstreams)
    assert len(grown.services) == 3 * len(example.services)
    numbers = [e.model.number for e in grown.workstreams]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len({e.model.title for e in grown.workstreams}) == len(numbers)
    # File names still sort in number order, as the derived tables' rows do.
    files = sorted(p.name for p in (tmp_path / "content" / "workstreams").glob("*.yaml"))
    assert [int(name.split("-")[0]) for name in files] == numbers


def test_the_synthetic_plan_has_three_times_the_activities_each_with_its_own_id(tmp_path):
    if not (EXAMPLE / "plan.yaml").is_file():
        pytest.skip("the example has no plan.yaml")
    example = load_content(EXAMPLE)
    grown = load_content(synthetic().synthesise(EXAMPLE, tmp_path / "content", 3))
    ids = [activity.id for _, _, activity in grown.plan.activities()]
    assert len(ids) == 3 * sum(1 for _ in example.plan.activities())
    assert len(set(ids)) == len(ids)


def test_the_synthetic_programme_keeps_the_work_streams_asked_for_and_stretches_the_plan(tmp_path):
    if not (EXAMPLE / "plan.yaml").is_file():
        pytest.skip("the example has no plan.yaml")
    example = load_content(EXAMPLE)
    grown = load_content(synthetic().synthesise(EXAMPLE, tmp_path / "content", 1, workstreams=40, months=36))
    assert [e.model.number for e in grown.workstreams] == list(range(1, 41))
    first, last = grown.plan.month_range()
    assert first == example.plan.month_range()[0] and last.index - first.index + 1 == 36
    spans = [span for _, _, a in grown.plan.activities() for spans in a.timetable.values() for span in spans]
    assert max(span.end for span in spans).index > example.plan.month_range()[1].index  # bars stretched too
    assert all(first <= span.start <= span.end <= last for span in spans)

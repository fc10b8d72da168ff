import pytest

from dangjian_desktop.core.votes import tally


def test_quorum_needs_more_than_half_present():
    assert not tally(10, 5, 5).quorum
    assert tally(10, 6, 6).quorum


def test_passing_needs_more_than_half_of_expected_in_favour():
    assert not tally(10, 8, 5, 3).passed  # 5 of 10 is not more than half
    assert tally(10, 8, 6, 2).passed


def test_written_opinions_of_absent_members_count():
    assert tally(10, 6, 5, 1, written_in_favour=1).passed


def test_no_quorum_never_passes():
    r = tally(10, 5, 5, written_in_favour=5)
    assert not r.quorum and not r.passed
    assert "不能进行表决" in r.summary


@pytest.mark.parametrize("args", [(10, 11, 0), (10, 5, 4, 1, 1), (10, 8, 1, 0, 0, 3), (-1, 0, 0)])
def test_impossible_numbers_are_refused(args):
    with pytest.raises(ValueError):
        tally(*args)

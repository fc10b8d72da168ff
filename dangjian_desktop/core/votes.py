"""The 支部大会 vote rule: quorum and majority over the 应到 voting 正式党员."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VoteResult:
    quorum: bool
    passed: bool
    counted_for: int
    summary: str


def tally(
    expected_voters: int,
    present_voters: int,
    in_favour: int,
    against: int = 0,
    abstain: int = 0,
    written_in_favour: int = 0,
) -> VoteResult:
    """Judge a vote: quorum is more than half of the 应到 voting members present; the motion
    passes with more than half of the 应到 in favour, written opinions of absent members
    counting towards the total. Raises ValueError when the numbers cannot be true."""
    for name, value in (
        ("应到有表决权人数", expected_voters),
        ("实到有表决权人数", present_voters),
        ("赞成票", in_favour),
        ("反对票", against),
        ("弃权票", abstain),
        ("书面赞成意见", written_in_favour),
    ):
        if value < 0:
            raise ValueError(f"{name}不能为负数")
    if present_voters > expected_voters:
        raise ValueError(f"实到有表决权人数（{present_voters}）不能多于应到（{expected_voters}）")
    if in_favour + against + abstain > present_voters:
        raise ValueError(
            f"赞成、反对、弃权合计 {in_favour + against + abstain} 票，多于实到有表决权人数 {present_voters}"
        )
    if written_in_favour > expected_voters - present_voters:
        raise ValueError("书面赞成意见数不能多于缺席的有表决权党员人数")
    quorum = present_voters * 2 > expected_voters
    counted = in_favour + written_in_favour
    passed = quorum and counted * 2 > expected_voters
    if not quorum:
        summary = (
            f"应到有表决权的正式党员{expected_voters}人，实到{present_voters}人，"
            "未超过应到人数的半数，不能进行表决。"
        )
    else:
        summary = (
            f"应到有表决权的正式党员{expected_voters}人，实到{present_voters}人，超过半数。"
            f"赞成{in_favour}票"
            + (f"（另有书面赞成意见{written_in_favour}份）" if written_in_favour else "")
            + f"，反对{against}票，弃权{abstain}票；"
            + ("赞成票超过应到人数的半数，通过。" if passed else "赞成票未超过应到人数的半数，未通过。")
        )
    return VoteResult(quorum, passed, counted, summary)

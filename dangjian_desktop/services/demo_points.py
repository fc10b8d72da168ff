"""The demo's 党员积分: each branch's scheme (the default one, as saved) and points entered by hand over the
last years: 担任职务 for the 支委 each year, 志愿服务 now and then, a few 党员先锋岗 and 表彰 around 七一, a rare
deduction. Drawn from its own random stream, so the rest of the demo stays what it was."""

from __future__ import annotations

import random
from datetime import date, timedelta

from dangjian_desktop.core.glossary import MemberStatus
from dangjian_desktop.db import models as m

VOLUNTEERING = (
    "参加社区环境整治志愿服务", "参加疫苗接种点秩序维护志愿服务", "参加防汛值守", "参加“文明城市”创建志愿服务",
    "走访慰问困难党员", "参加社区垃圾分类宣传", "参加献血活动", "参加敬老院助老志愿服务", "参加交通文明劝导",
    "参加社区消防安全宣传", "帮助独居老人购买生活用品", "参加“双报到”社区服务",
)
VANGUARD = ("评为社区“党员先锋岗”", "设立党员示范岗，带头攻坚", "获评“党员责任区”示范")
HONOURS = ("被评为街道优秀共产党员", "获评社区“最美志愿者”", "被评为优秀党务工作者")
DEDUCTIONS = ("未按要求完成网上学习任务，经提醒仍未补学", "无故不参加志愿服务活动，经谈话提醒")


def add_points(gen, seed: int) -> int:
    """Write the schemes and the entries into the demo's rows; the number of entries."""
    from dangjian_desktop.services.points import DEFAULT_SCHEME

    rng = random.Random(seed * 1000 + 24)
    today = gen.today
    first_year = today.year - min(gen.years, 3) + 1
    posts = {r["member_id"] for r in gen.rows.data.get(m.CommitteePostHolder, []) if r.get("member_id")}
    by_branch: dict[int, list[dict]] = {}
    for row in gen.rows.data.get(m.Member, []):
        by_branch.setdefault(row["branch_id"], []).append(row)
    made = 0
    for branch_id, people in by_branch.items():
        item = {}
        for i, s in enumerate(DEFAULT_SCHEME):
            item[s.name] = gen.rows.add(m.PointsItem, branch_id=branch_id, name=s.name, source=s.source,
                                        points=s.points, yearly_cap=s.yearly_cap, sort_order=i)

        def on_roll(r, d: date) -> bool:
            if r["joined_on"] is None or r["joined_on"] > d:
                return False
            left = r["status"] not in (MemberStatus.FULL.value, MemberStatus.PROBATIONARY.value)
            return not left or (r["status_since"] is not None and d < r["status_since"])

        def add(r, d: date, name: str, points, reason: str) -> None:
            nonlocal made
            if d <= today and on_roll(r, d):
                gen.rows.add(m.PointsEntry, member_id=r["id"], item_id=item[name], awarded_on=d, points=points,
                             reason=reason)
                made += 1

        for year in range(first_year, today.year + 1):
            for r in people:
                if r["id"] in posts:
                    add(r, date(year, 1, rng.randint(10, 25)), "担任职务", 5, f"{year}年担任{r.get('party_post') or '支部委员'}")
                for _ in range(rng.choice((0, 0, 1, 1, 2, 3, 4))):
                    d = date(year, 1, 1) + timedelta(days=rng.randint(0, 364))
                    add(r, d, "志愿服务", 2, rng.choice(VOLUNTEERING))
            for r in rng.sample(people, min(3, len(people))):
                add(r, date(year, 6, rng.randint(20, 30)), "党员先锋岗", 5, rng.choice(VANGUARD))
            for r in rng.sample(people, min(2, len(people))):
                add(r, date(year, 7, 1), "受到表彰", 5, rng.choice(HONOURS))
            if rng.random() < 0.5:
                r = rng.choice(people)
                add(r, date(year, rng.randint(3, 11), rng.randint(1, 28)), "违反纪律或规定", -10, rng.choice(DEDUCTIONS))
    return made

"""The demo's 学时: online courses, the branch's 集中学习 sessions and the 书记/支委 training, drawn from a
random stream of their own (seed * 1000 + 23) so the rest of the demo stays what it was. Deliberately, in
each branch and year a few members study little (STUDY-HOURS-Y has something to show in Q4)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from dangjian_desktop.core.glossary import MemberStatus, StudyKind
from dangjian_desktop.core.study import is_leader_post
from dangjian_desktop.db import models as m

ONLINE_COURSES = (
    "学习贯彻党的二十届三中全会精神", "习近平新时代中国特色社会主义思想专题", "党章党规党纪学习",
    "中国共产党纪律处分条例解读", "全面从严治党专题", "中华人民共和国宪法学习", "党史学习教育：伟大建党精神",
    "新时代党员先锋模范作用", "基层党组织建设规范化", "铸牢中华民族共同体意识", "总体国家安全观学习",
    "数字经济与高质量发展", "生态文明建设专题", "新发展理念专题讲座",
)
PLATFORMS = ("学习强国", "全国党员教育平台", "干部网络学院")
GROUP_TOPICS = (
    "集中学习《中国共产党章程》", "集中学习党的二十届三中全会公报", "集中学习《中国共产党纪律处分条例》",
    "集中学习习近平总书记重要讲话精神", "集中学习党内法规汇编", "观看警示教育片并交流",
)
HOURS = (Decimal("0.5"), Decimal("1"), Decimal("1"), Decimal("1.5"), Decimal("2"))
ON_ROLL = (MemberStatus.FULL.value, MemberStatus.PROBATIONARY.value)


def add_study(gen, seed: int) -> None:
    """Study records for the last two years (at most) to today, into `gen.rows`."""
    rng = random.Random(seed * 1000 + 23)
    today = gen.today
    by_branch: dict[int, list[dict]] = {}
    for row in gen.rows.data.get(m.Member, []):
        by_branch.setdefault(row["branch_id"], []).append(row)
    for year in range(max(today.year - min(gen.years, 2) + 1, gen.start.year), today.year + 1):
        first = date(year, 1, 1)
        last = min(date(year, 12, 31), today)
        days = (last - first).days
        for people in by_branch.values():
            current = [r for r in people if r["status"] in ON_ROLL and r["joined_on"] and r["joined_on"] < first]
            laggards = {r["id"] for r in rng.sample(current, min(3, len(current)))}
            sessions = sorted(first + timedelta(days=rng.randint(0, days)) for _ in range(max(1, days // 90)))
            for when, topic in zip(sessions, rng.sample(GROUP_TOPICS, len(sessions))):
                for r in current:
                    if r["id"] in laggards or rng.random() < 0.12:
                        continue
                    gen.rows.add(m.StudyRecord, member_id=r["id"], kind=StudyKind.GROUP_STUDY.value, studied_on=when,
                                 hours=Decimal("2"), topic=topic, source="本支部")
            for r in current:
                lagging = r["id"] in laggards
                leader = is_leader_post(r.get("party_post") or "")
                for _ in range(rng.randint(0, 2) if lagging else rng.randint(4, 12)):
                    gen.rows.add(m.StudyRecord, member_id=r["id"], kind=StudyKind.ONLINE.value,
                                 studied_on=first + timedelta(days=rng.randint(0, days)), hours=rng.choice(HOURS),
                                 topic=rng.choice(ONLINE_COURSES), source=rng.choice(PLATFORMS))
                if leader and not lagging and days > 120:
                    start = first + timedelta(days=rng.randint(60, days - 30))
                    gen.rows.add(m.StudyRecord, member_id=r["id"], kind=StudyKind.TRAINING.value, studied_on=start,
                                 hours=Decimal(rng.choice((16, 24))), topic=f"{year}年党支部书记和支委培训班",
                                 source="街道党工委")

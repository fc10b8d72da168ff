"""Demo data for 组织关系 (issue 24): the 转出 already in the demo get their transfer records (one recent
enough that its 回执 is still awaited, the others back), two 流动党员 per branch (one attending with a
党组织 where they work, one recorded as attending nowhere) and, for a 社区 branch, 在职党员 who reported.
Drawn from its own random stream (seed × 1000 + 31): the rest of the demo stays what it was."""

from __future__ import annotations

import random
from datetime import date, timedelta

from dangjian_desktop.core.glossary import MemberStatus, TransferDirection
from dangjian_desktop.db import models as m

PLACES = ("广东省深圳市南山区", "浙江省杭州市余杭区", "江苏省苏州市工业园区", "上海市浦东新区", "北京市海淀区")
HOSTS = ("中共深圳市南山区粤海街道流动党员党支部", "中共杭州市余杭区仓前街道流动党员党支部",
         "中共苏州工业园区星海社区党委流动党员党支部")
SERVICES = ("社区文明劝导", "助老服务", "垃圾分类宣传", "义务理发", "法律咨询", "青少年课业辅导", "义诊")
REPORTERS = ("李建华", "王晓燕", "张志强", "刘静", "陈伟", "赵丽")
UNITS = ("区财政局", "区人民法院", "第一中学", "区卫生健康局", "区供电公司", "区市场监管局")


def add_transfers(gen, seed: int) -> None:
    """Add the 组织关系 rows to `gen.rows` (written with the rest of the demo)."""
    rng = random.Random(seed * 1000 + 31)
    today: date = gen.today
    members = gen.rows.data.get(m.Member, [])
    changes = {c["member_id"]: c for c in gen.rows.data.get(m.MemberStatusChange, [])
               if c["status"] == MemberStatus.TRANSFERRED_OUT.value}
    by_branch: dict[int, list[dict]] = {}
    for row in members:
        by_branch.setdefault(row["branch_id"], []).append(row)
    for branch_id, people in by_branch.items():
        gone = sorted((r for r in people if r["id"] in changes), key=lambda r: r["status_since"])
        for k, r in enumerate(gone):
            left = r["status_since"]
            awaited = k == len(gone) - 1 and (today - left).days < 400  # the latest: its 回执 still awaited
            receipt = None if awaited else min(today, left + timedelta(days=rng.randint(10, 40)))
            gen.rows.add(m.Transfer, branch_id=branch_id, member_id=r["id"], direction=TransferDirection.OUT.value,
                         moved_on=left, other_org=changes[r["id"]]["destination"], reason="工作调动",
                         letter_no=f"{left.year}-{rng.randint(1, 60):03d}", valid_days=30,
                         dues_paid_to=left.replace(day=1), receipt_on=receipt, notes="", version=1)
        on_roll = [r for r in people if r["status"] in (MemberStatus.FULL.value, MemberStatus.PROBATIONARY.value)
                   and r["joined_on"] and (today - r["joined_on"]).days > 3 * 365
                   and r["category"] not in ("离退休人员",)]
        for k, r in enumerate(rng.sample(on_roll, min(2, len(on_roll)))):
            since = today - timedelta(days=rng.randint(90, 400))
            elsewhere = k == 0
            gen.rows.add(m.FloatingRecord, member_id=r["id"], since=since, until=None, place=rng.choice(PLACES),
                         contact=r["phone"], attends_elsewhere=elsewhere,
                         host_org=rng.choice(HOSTS) if elsewhere else "",
                         certificate_no=f"LD{since.year}{rng.randint(100, 999)}" if elsewhere else "", notes="")
            r["is_floating"] = True
        if branch_id in gen.community_branches:
            for k in range(4):
                gen.rows.add(m.CommunityReport, branch_id=branch_id, person_name=REPORTERS[k],
                             work_unit=rng.choice(UNITS), reported_on=today - timedelta(days=rng.randint(20, 600)),
                             service=rng.choice(SERVICES), phone=f"139{rng.randint(10000000, 99999999)}", notes="")

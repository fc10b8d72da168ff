from dangjian_desktop.core import rules
from dangjian_desktop.core.development import STAGES, STEPS

RULE_IDS_IN_DOMAIN = """MEET-CONGRESS-Q MEET-COMMITTEE-M MEET-GROUP-M MEET-LECTURE-Q MEET-THEME-DAY-M MEET-ORG-LIFE-Y
MEET-APPRAISAL-Y MEET-HEART-TALK-Y MEMBER-INACTIVE-6M MEMBER-ID-INVALID BIRTHDAY-UPCOMING MEMBER-50-YEARS
PROBATION-END ELECTION-DUE DEV-AGE-18 DEV-TALK-1M DEV-CONTACTS DEV-REVIEW-6M DEV-ACTIVIST-1Y DEV-SPONSORS-2
DEV-POLITICAL-REVIEW DEV-TRAINING-3D DEV-PUBLIC-NOTICE DEV-LEAVING-3M DEV-VOTE-QUORUM DEV-APPROVAL-3M
DEV-PROBATION-1Y DEV-PREREQ""".split()


def test_every_rule_of_the_domain_is_in_the_catalog_with_its_source():
    cat = rules.catalog()
    for rule_id in RULE_IDS_IN_DOMAIN:
        r = cat.get(rule_id)
        assert r.text and r.source, rule_id


def test_local_override_applies_only_to_local_parameters():
    assert rules.param_value("MEET-LECTURE-Q", "period", {"MEET-LECTURE-Q.period": "M"}) == "M"
    # DEV-TALK-1M's month is national: an override is ignored
    assert rules.param_value("DEV-TALK-1M", "months", {"DEV-TALK-1M.months": 3}) == 1


def test_twenty_five_steps_in_five_stages():
    assert [s.no for s in STEPS] == list(range(1, 26))
    assert [len([s for s in STEPS if s.stage == st.no]) for st in STAGES] == [2, 4, 5, 7, 7]

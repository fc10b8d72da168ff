"""tests/services/test_inactivity_reasons.py, run again on PostgreSQL, where MEMBER-INACTIVE-6M finds each
member's last meeting attended with a query of its own (services.meetings.due.inactive_members)."""

from tests.services.test_inactivity_reasons import *  # noqa: F401,F403

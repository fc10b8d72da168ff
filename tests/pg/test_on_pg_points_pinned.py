"""tests/services/test_points_pinned.py, run again on PostgreSQL: the demo's whole ranking, the same to the digit."""

from tests.services.test_points_pinned import *  # noqa: F401,F403

"""tests/services/test_check.py, run again with `db` and `demo_db` on PostgreSQL (see tests/pg/conftest.py)."""

from tests.services.test_check import *  # noqa: F401,F403

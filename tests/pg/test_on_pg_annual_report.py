"""tests/services/test_annual_report.py, run again with `db` and `demo_db` on PostgreSQL (see tests/pg/conftest.py)."""

from tests.services.test_annual_report import *  # noqa: F401,F403

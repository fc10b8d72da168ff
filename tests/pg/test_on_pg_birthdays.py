"""tests/services/test_birthdays.py, run again with `db` and `demo_db` on PostgreSQL (see tests/pg/conftest.py)."""

from tests.services.test_birthdays import *  # noqa: F401,F403

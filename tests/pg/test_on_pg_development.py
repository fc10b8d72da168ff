"""tests/services/test_development.py, run again with `db` and `demo_db` on PostgreSQL (see tests/pg/conftest.py)."""

from tests.services.test_development import *  # noqa: F401,F403

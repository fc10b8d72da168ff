"""tests/services/test_points.py, run again with `db` and `demo_db` on PostgreSQL (see tests/pg/conftest.py):
the counts the ranking leaves to the database (attendance by month, 党费 on time) are SQL of both kinds."""

from tests.services.test_points import *  # noqa: F401,F403

"""tests/services/test_rectification.py, run again with `db` and `demo_db` on PostgreSQL (see tests/pg/conftest.py):
the 0012 migration's new attachment owner and check, the items, findings and ledger on a server database."""

from tests.services.test_rectification import *  # noqa: F401,F403

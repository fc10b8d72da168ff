"""Existing service and migration tests, run again on PostgreSQL.

Importing a test function here collects it a second time, in this folder, where the
`db` and `demo_db` fixtures are PostgreSQL databases (tests/pg/conftest.py). Only tests
that do not look at the SQLite file itself are chosen. Whole service test modules are
re-collected the same way, one file each (test_on_pg_*.py), so their fixtures do not collide.
"""

from tests.db.test_migrations import (  # noqa: F401
    test_migrations_produce_exactly_the_models_schema,
    test_the_audit_log_cannot_be_changed,
)
from tests.services.test_attachments import test_a_file_is_copied_in_and_found_again  # noqa: F401
from tests.services.test_demo import (  # noqa: F401
    test_admitted_applicants_are_on_the_roster_with_the_vote_date,
    test_attendance_adds_up,
    test_demo_refuses_a_database_that_has_data,
    test_demo_shape,
    test_reminders_have_something_to_show,
)

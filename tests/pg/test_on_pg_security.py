"""tests/services/test_security.py, run again with `db` on PostgreSQL (see tests/pg/conftest.py)."""

from tests.services.test_security import *  # noqa: F401,F403

# reads the SQLite file itself to show the hash is what is stored; on a server there is no file
del test_the_password_is_stored_as_a_salted_scrypt_hash_never_as_text  # noqa: F821

"""Alembic environment: runs on the connection the program hands over.

No `fileConfig()` here: it would replace the program's logging set-up.
"""

from alembic import context
from sqlalchemy import create_engine

from dangjian_desktop.db.fulltext import include_object
from dangjian_desktop.db.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
        include_object=include_object,  # the FTS5 tables are not models
    )


connection = config.attributes.get("connection")
if connection is not None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()
else:  # `alembic` command line during development
    engine = create_engine(config.get_main_option("sqlalchemy.url"), hide_parameters=True)
    with engine.begin() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()

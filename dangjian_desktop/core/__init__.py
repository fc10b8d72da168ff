"""Rules and calculations of the branch secretary's job: pure Python, no Qt, no database."""

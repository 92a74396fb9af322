"""Alembic revisions, loaded by path. Each one uses frozen copies of what it needs, never live
service code (see the import contracts in pyproject.toml)."""

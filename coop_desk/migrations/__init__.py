"""Alembic's migration environment and revisions (a package so the import contracts cover it;
Alembic itself loads the files by path)."""

"""Use cases. Each takes a Session owned by the caller and the acting user, checks the
user's permission, validates, writes, and returns plain frozen rows (never ORM objects).

No service commits: the front end wraps one user action in ``Database.transaction``.
"""

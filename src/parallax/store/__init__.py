"""The Store interface and its SQLite implementation: the only code that touches the database."""

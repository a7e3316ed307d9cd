"""parallax: reconciled, source-attributed incident records from many news reports."""

__version__ = "0.1.0"

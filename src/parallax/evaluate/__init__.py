"""Dataset readers and scorers behind `parallax eval`."""

"""Loading the spaCy pipeline once and feeding it in batches."""

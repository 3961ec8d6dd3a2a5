"""Text normalisation and detectors."""

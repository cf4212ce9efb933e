"""Performance tooling: the synthetic data generator and the hand-run benchmark (not in CI)."""

"""The policy's rules, one module per area, each a set of pure functions."""

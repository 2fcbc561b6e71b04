"""Triage: the board, the overleg of the kernpartners, the decision and the advice letter."""

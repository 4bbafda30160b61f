"""Travel legs, visa cases and invitation letters, accommodation, per diems, fees and budgets."""

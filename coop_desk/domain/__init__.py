"""Pure values and rules: money, units, premium rates, validation. No database, no Qt."""

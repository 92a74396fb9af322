"""coop-desk: member register, certifications and Fairtrade Premium ledger for coffee cooperatives."""

__version__ = "0.1.0"

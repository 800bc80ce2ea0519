"""Payments through a provider interface: `dummy` (test mode) and `stripe`."""

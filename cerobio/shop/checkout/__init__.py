"""Checkout: one page (and one API call) from basket to payment, completed exactly once."""

"""Baskets without an account: a token in a signed cookie, lines in the database."""

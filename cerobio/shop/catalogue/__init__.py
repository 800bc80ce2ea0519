"""Product pages, variants, stock levels and reservations."""

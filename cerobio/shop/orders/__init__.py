"""Orders: numbers, line snapshots, statuses and their history, guest order pages."""

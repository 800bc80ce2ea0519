"""Shipping zones, delivery methods with prices, and delivery date estimates."""

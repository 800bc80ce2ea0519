"""The shop: catalogue, basket, checkout, orders, payments and delivery."""

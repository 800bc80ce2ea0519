"""The Store API under /api/v1/: products, baskets, delivery, checkout, orders, Stripe webhook."""

from ninja import Router

from . import baskets, checkout, orders, products, webhooks

router = Router()
for module in (products, baskets, checkout, orders, webhooks):
    router.add_router("/", module.router)

__all__ = ["router"]

"""The catalogue: product pages with variants, stock levels, stock history and reservations."""

from .pages import ProductImage, ProductPage, ProductVariant, ShopIndexPage  # noqa: F401
from .settings import ShopSettings, low_stock_level  # noqa: F401
from .stock import Reservation, Stock, StockMovement  # noqa: F401

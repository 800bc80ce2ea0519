"""Shop addresses outside the page tree: /basket/, /checkout/ and /orders/<token>/."""

from django.urls import path

from .checkout import basket_views, card_step
from .checkout import views as checkout_views
from .orders import views as order_views

urlpatterns = [
    path("basket/", basket_views.basket, name="basket"),
    path("checkout/", checkout_views.checkout, name="checkout"),
    path("checkout/complete/<str:token>/", checkout_views.complete, name="checkout_complete"),
    path("checkout/pay/<str:token>/", card_step.card_step, name="card_step"),
    path("checkout/pay/<str:token>/stripe/", card_step.card_step_hosted, name="card_step_hosted"),
    path("checkout/stripe/return/", checkout_views.stripe_return, name="stripe_return"),
    path("checkout/stripe/cancel/", checkout_views.stripe_cancel, name="stripe_cancel"),
    path("orders/<str:token>/", order_views.order_page, name="order_page"),
]

"""The identifier: a short questionnaire and API that match answers to the milia guide."""

"""Generating what students get (stubs, notebooks) from the reference solutions."""

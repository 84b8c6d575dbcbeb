"""Shipped data and seeded generators for the exercises.

Nothing here downloads at run time. Each generator says in its docstring what
real data it stands in for, where the approximation breaks down, and returns its
own ground truth.
"""

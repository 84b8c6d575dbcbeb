"""The course kit's autograder: hidden pytest suites against student code run in a separate process."""

__version__ = "0.1.0"

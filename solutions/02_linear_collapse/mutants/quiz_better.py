# caught by: test_quiz_linear_stack
"""Answers the quiz with "better": more linear layers look more powerful, but they collapse into one."""


def quiz_answer():
    return "better"

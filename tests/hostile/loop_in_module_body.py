# exercise: 02_linear_collapse
# outcomes: timed out
# message: loading linear_collapse.py: no answer within
while True:
    pass

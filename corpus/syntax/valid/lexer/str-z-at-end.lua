s = "abc\z"
t = '\z   '

t.goto = 1

s = [[
first line skipped]]

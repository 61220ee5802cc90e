s = [[
first line skipped]]

-- os.exit checks its status argument before it exits; a bad one is an ordinary error.
print(pcall(os.exit, "x"))
print(pcall(os.exit, {}))
print(pcall(os.exit, 1.5))
print(pcall(os.exit, "1.5"))
print(pcall(os.exit, print))
print(pcall(os.exit, 2^63))
print(pcall(function() os.exit("no") end))
print("still running")

-- os.remove and os.rename report errors with the C library's messages and numbers.
print(os.remove("/nonexistent-dir/ferrolua-file"))
print(os.rename("/nonexistent-dir/a", "/nonexistent-dir/b"))
print(pcall(os.remove))
print(pcall(os.rename, "a"))
print(pcall(os.remove, {}))
print(os.getenv("FERROLUA_SURELY_UNDEFINED_VARIABLE"))
print(pcall(os.getenv))
print(type(os.getenv("PATH")))

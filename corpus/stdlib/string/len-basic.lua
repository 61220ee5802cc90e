-- string.len counts bytes, including embedded zeros; numbers are converted first.
print(string.len(""), string.len("abc"), string.len("a\0b\0"))
print(("hello"):len(), #"hello", string.len(12345), string.len(1.5), string.len(-0.0))
print(string.len("\u{48}\u{49}"), string.len("\xff\xfe"), string.len(("x"):rep(1000)))

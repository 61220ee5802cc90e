-- string.reverse reverses bytes.
print(string.reverse("abc"), string.reverse(""), string.reverse("a"), ("racecar"):reverse())
print(string.reverse(123), #string.reverse("a\0b"), string.reverse("a\0b") == "b\0a")
print(pcall(string.reverse))

x = "\u{FFFFFFFF}"

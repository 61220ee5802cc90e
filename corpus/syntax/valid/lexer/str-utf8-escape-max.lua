s = "\u{10FFFF}"

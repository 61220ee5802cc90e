s = "\u{abcd}\u{10fffF}"

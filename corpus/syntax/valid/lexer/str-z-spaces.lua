s = "abc\z     def"

x = "abc\z


   def

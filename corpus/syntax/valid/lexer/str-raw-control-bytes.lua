s = "	tab"

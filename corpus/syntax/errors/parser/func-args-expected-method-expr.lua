x = o:m + 1

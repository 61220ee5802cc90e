x = a and ? or c

x = "abc":upper()

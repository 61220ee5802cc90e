# comment line

x = = 2

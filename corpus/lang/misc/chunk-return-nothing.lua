-- A chunk that ends with a bare return.
print('nothing returned')
return

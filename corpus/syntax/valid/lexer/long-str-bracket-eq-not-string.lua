x = t[1]
t[a[b]] = 1
x = a[ [[s]] ]

x = a.b.c.d
y = a[b][c][d]
z = a.b[c].d[e]
w = a:b():c():d()
